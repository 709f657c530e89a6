using System.Text;
using Messaging.Core.Attachments;

namespace Messaging.Tests.Attachments;

/// <summary>Unit tests of the pure rules: safe names and the leading-byte checks of each type.</summary>
public sealed class FileRulesTests
{
    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("../../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\system32\\evil.doc", "evil.doc")]
    [InlineData("..", "file")]
    [InlineData("", "file")]
    [InlineData(null, "file")]
    [InlineData("   .  ", "file")]
    [InlineData("in\u0000voice\r\n.pdf", "invoice.pdf")]
    [InlineData("photo\u202Egnp.exe", "photognp.exe")]
    [InlineData("a<b>c:d|e?f*g\".txt", "a_b_c_d_e_f_g_.txt")]
    [InlineData("my..file....txt", "my.file.txt")]
    public void NamesAreMadeSafe(string? raw, string expected) => Assert.Equal(expected, FileNames.MakeSafe(raw));

    [Fact]
    public void ALongNameIsCutToAt255Utf8BytesKeepingTheExtension()
    {
        var safe = FileNames.MakeSafe(new string('日', 200) + ".xlsx");

        Assert.True(Encoding.UTF8.GetByteCount(safe) <= 255);
        Assert.EndsWith("日.xlsx", safe, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("png", "89504E470D0A1A0A0000000D49484452", true)]
    [InlineData("png", "25504446", false)]
    [InlineData("jpg", "FFD8FFE000104A464946", true)]
    [InlineData("gif", "474946383961", true)]
    [InlineData("webp", "524946462400000057454250", true)]
    [InlineData("heic", "0000001866747970686569630000", true)]
    [InlineData("pdf", "255044462D312E37", true)]
    [InlineData("docx", "504B0304", true)]
    [InlineData("doc", "D0CF11E0A1B11AE1", true)]
    [InlineData("doc", "504B0304", false)]
    [InlineData("mp4", "000000206674797069736F6D", true)]
    [InlineData("mov", "0000001466747970717420200000", true)]
    [InlineData("mp4", "0000001466747970717420200000", false)]
    [InlineData("zip", "504B0506", true)]
    [InlineData("csv", "612C620A312C320A", true)]
    [InlineData("txt", "255044462D312E34", false)]
    [InlineData("txt", "48656C6C6F00", false)]
    [InlineData("txt", "C3A9C3", true)]
    public void LeadingBytesMustAgreeWithTheExtension(string extension, string hex, bool agrees) =>
        Assert.Equal(agrees, FileTypes.ContentAgrees(FileTypes.Find(extension)!, Convert.FromHexString(hex)));

    [Fact]
    public void OpenDocumentNeedsItsMimetypeEntry()
    {
        var header = new byte[120];
        "PK\u0003\u0004"u8.CopyTo(header);
        "mimetypeapplication/vnd.oasis.opendocument.text"u8.CopyTo(header.AsSpan(30));

        Assert.True(FileTypes.ContentAgrees(FileTypes.Find("odt")!, header));
        Assert.False(FileTypes.ContentAgrees(FileTypes.Find("ods")!, header));
    }

    [Fact]
    public void SvgAndHtmlAreNotInTheCatalog()
    {
        Assert.Null(FileTypes.Find("svg"));
        Assert.Null(FileTypes.Find("html"));
        Assert.Null(FileTypes.Find("htm"));
        Assert.DoesNotContain(FileTypes.All, t => t.ContentType.Contains("html", StringComparison.Ordinal) || t.ContentType.Contains("svg", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(1000, "1000 bytes")]
    [InlineData(4096, "4 KB")]
    [InlineData(52428800, "50 MB")]
    [InlineData(1572864, "1.5 MB")]
    [InlineData(5368709120, "5 GB")]
    public void SizesReadLikePeopleSayThem(long bytes, string expected) => Assert.Equal(expected, FileSize.Format(bytes));
}
