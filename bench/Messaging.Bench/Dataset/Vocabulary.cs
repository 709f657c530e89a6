namespace Messaging.Bench.Dataset;

/// <summary>
/// The words generated messages are made of, most frequent first: common English words (including
/// stop words and inflected forms, so stemming and stop-word handling are exercised), then invented
/// but pronounceable words for the long tail. Deterministic: the same size gives the same list.
/// </summary>
public sealed class Vocabulary
{
    private static readonly string[] Common =
    [
        "the", "to", "and", "a", "of", "we", "you", "for", "is", "on", "in", "it", "that", "this", "with", "can",
        "be", "will", "please", "thanks", "i", "have", "are", "our", "your", "at", "next", "week", "if", "from",
        "project", "schedule", "design", "shoot", "file", "files", "draft", "review", "client", "team", "budget",
        "update", "call", "meeting", "deadline", "invoice", "campaign", "launch", "photos", "photo", "video",
        "edit", "edits", "final", "version", "changes", "change", "friday", "monday", "tomorrow", "today",
        "approve", "approved", "approval", "send", "sent", "sending", "feedback", "logo", "brand", "colours",
        "palette", "copy", "text", "layout", "print", "proof", "proofs", "delivery", "delivered", "location",
        "studio", "crew", "morning", "afternoon", "evening", "confirm", "confirmed", "question", "questions",
        "answer", "timeline", "plan", "plans", "estimate", "quote", "contract", "signed", "payment", "paid",
        "account", "website", "page", "pages", "banner", "social", "post", "posts", "caption", "captions",
        "catalogue", "brochure", "poster", "posters", "event", "events", "venue", "guest", "guests", "ticket",
        "tickets", "marathon", "marathons", "runner", "runners", "race", "route", "sponsor", "sponsors",
        "press", "release", "interview", "script", "storyboard", "music", "licence", "rights", "model", "models",
        "wardrobe", "makeup", "lighting", "camera", "drone", "footage", "render", "renders", "animation",
        "subtitle", "subtitles", "translation", "german", "french", "spanish", "legal", "compliance", "archive",
        "backup", "folder", "link", "links", "access", "password", "login", "upload", "uploaded", "download",
        "resolution", "format", "pdf", "spreadsheet", "numbers", "report", "reports", "analytics", "traffic",
        "conversion", "audience", "target", "newsletter", "mailing", "list", "survey", "results", "workshop",
        "kickoff", "milestone", "milestones", "phase", "scope", "extra", "option", "options", "priority",
        "urgent", "asap", "delay", "delayed", "weather", "rain", "backup", "indoor", "outdoor", "permit",
        "permits", "insurance", "travel", "hotel", "flight", "flights", "catering", "lunch", "coffee",
        "parking", "badge", "badges", "merchandise", "shirts", "mugs", "stickers", "packaging", "label",
        "labels", "printer", "paper", "matte", "gloss", "sample", "samples", "mockup", "mockups", "prototype",
        "tagline", "slogan", "headline", "headlines", "font", "fonts", "typography", "icon", "icons",
        "illustration", "illustrations", "retouch", "retouching", "crop", "cropping", "thumbnail", "gallery",
        "portfolio", "award", "awards", "jury", "submission", "entry", "category", "winner", "ceremony",
    ];

    private static readonly string[] Onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr", "st", "kl", "gr", "sh"];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];

    private readonly string[] words;

    public Vocabulary(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, Common.Length);
        var list = new List<string>(size);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Common)
        {
            if (seen.Add(word))
            {
                list.Add(word);
            }
        }

        var random = new Random(7);
        while (list.Count < size)
        {
            var syllables = 2 + random.Next(3);
            var word = string.Concat(Enumerable.Range(0, syllables).Select(_ => Onsets[random.Next(Onsets.Length)] + Vowels[random.Next(Vowels.Length)]));
            if (random.Next(3) == 0)
            {
                word += Onsets[random.Next(Onsets.Length)];
            }

            if (seen.Add(word))
            {
                list.Add(word);
            }
        }

        words = [.. list];
    }

    public int Count => words.Length;

    public string this[int rank] => words[rank];

    public int RankOf(string word) => Array.IndexOf(words, word);
}
