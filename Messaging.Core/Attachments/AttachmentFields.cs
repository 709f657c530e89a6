using System.Globalization;
using System.Security.Cryptography;
using Messaging.Core.Common;

namespace Messaging.Core.Attachments;

/// <summary>Form field names the upload errors belong to.</summary>
public static class AttachmentFields
{
    public const string Files = "Files";
}
