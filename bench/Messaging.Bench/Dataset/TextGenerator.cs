namespace Messaging.Bench.Dataset;

/// <summary>
/// Message text with Zipf-distributed words from <see cref="Vocabulary"/>, 3 to 60 words, skewed
/// short. Each message's text depends only on its id, so it can be regenerated anywhere.
/// </summary>
public sealed class TextGenerator(Vocabulary vocabulary, ZipfSampler sampler)
{
    public const int VocabularySize = 20_000;

    public const double ZipfExponent = 1.05;

    public static TextGenerator CreateDefault() => new(new Vocabulary(VocabularySize), new ZipfSampler(VocabularySize, ZipfExponent));

    public Vocabulary Vocabulary => vocabulary;

    public string For(long messageId)
    {
        var random = new Random(unchecked((int)(messageId * 2654435761L)));
        var words = 3 + (int)Math.Min(57, -Math.Log(1 - random.NextDouble()) * 12);
        var text = new System.Text.StringBuilder(words * 8);
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                text.Append(i % 11 == 0 ? ". " : " ");
            }

            text.Append(vocabulary[sampler.Next(random)]);
        }

        text.Append('.');
        text[0] = char.ToUpperInvariant(text[0]);
        return text.ToString();
    }
}
