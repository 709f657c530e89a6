#!/usr/bin/python3
"""A real SMTP server for tests (Debian python3-aiosmtpd): every accepted mail is written to DIR as
NNNNNN.json (envelope, headers, decoded text body), atomically, before the server answers 250.

    /usr/bin/python3 scripts/smtp_sink.py --port 2525 --dir /tmp/mail
    ... --cert cert.pem --key key.pem              offers STARTTLS (and then requires it)
    ... --cert cert.pem --key key.pem --implicit-tls   TLS from the first byte (SMTPS) instead
    ... --user U --password P                      requires AUTH PLAIN/LOGIN (only after STARTTLS when offered)
"""
import argparse, asyncio, email, itertools, json, os, signal, ssl
from email import policy
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, folder):
        self.folder = folder
        os.makedirs(folder, exist_ok=True)
        existing = [int(f[:6]) for f in os.listdir(folder) if f.endswith('.json')]
        self.counter = itertools.count(max(existing, default=0) + 1)

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        part = msg.get_body(preferencelist=('plain',)) if msg.is_multipart() else msg
        record = {
            'tls': session.ssl is not None or server.transport.get_extra_info('ssl_object') is not None,
            'login': session.auth_data.login.decode() if session.authenticated and isinstance(session.auth_data, LoginPassword) else None,
            'mail_from': envelope.mail_from,
            'rcpt_tos': envelope.rcpt_tos,
            'headers': {k: str(v) for k, v in msg.items()},
            'text': part.get_content() if part is not None else '',
        }
        name = '%06d.json' % next(self.counter)
        tmp = os.path.join(self.folder, '.' + name)
        with open(tmp, 'w', encoding='utf-8') as f:
            json.dump(record, f)
        os.replace(tmp, os.path.join(self.folder, name))
        return '250 Message accepted for delivery'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--dir', required=True)
    parser.add_argument('--cert')
    parser.add_argument('--key')
    parser.add_argument('--implicit-tls', action='store_true')
    parser.add_argument('--user')
    parser.add_argument('--password')
    args = parser.parse_args()
    options = {}
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        if args.implicit_tls:
            options.update(ssl_context=context)
        else:
            options.update(tls_context=context, require_starttls=True)
    if args.user:
        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user and auth_data.password.decode() == args.password
            return AuthResult(success=ok, handled=False, auth_data=auth_data)
        options.update(authenticator=authenticate, auth_required=True, auth_require_tls=bool(args.cert) and not args.implicit_tls)
    controller = Controller(Sink(args.dir), hostname=args.host, port=args.port, **options)
    controller.start()
    print('ready', flush=True)
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == '__main__':
    main()
