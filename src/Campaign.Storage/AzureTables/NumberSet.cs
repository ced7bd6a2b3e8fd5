using System.Numerics;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// A set of customer numbers as a bitmap: a million customers take 125 KB, and intersections, unions and counts are
/// word operations. Numbers are handed out in import order, so ascending order is import order.
/// </summary>
internal sealed class NumberSet
{
    private ulong[] _words;

    public NumberSet(int capacityHint = 0) => _words = new ulong[Math.Max(1, (capacityHint + 63) / 64)];

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var word in _words)
            {
                count += BitOperations.PopCount(word);
            }

            return count;
        }
    }

    public void Add(long number)
    {
        var word = (int)(number >> 6);
        if (word >= _words.Length)
        {
            Array.Resize(ref _words, Math.Max(word + 1, _words.Length * 2));
        }

        _words[word] |= 1UL << (int)(number & 63);
    }

    public bool Contains(long number)
    {
        var word = number >> 6;
        return number >= 0 && word < _words.Length && (_words[word] & (1UL << (int)(number & 63))) != 0;
    }

    public void IntersectWith(NumberSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] &= i < other._words.Length ? other._words[i] : 0;
        }
    }

    public void UnionWith(NumberSet other)
    {
        if (other._words.Length > _words.Length)
        {
            Array.Resize(ref _words, other._words.Length);
        }

        for (var i = 0; i < other._words.Length; i++)
        {
            _words[i] |= other._words[i];
        }
    }

    public void ExceptWith(NumberSet other)
    {
        for (var i = 0; i < Math.Min(_words.Length, other._words.Length); i++)
        {
            _words[i] &= ~other._words[i];
        }
    }

    /// <summary>The numbers in ascending order.</summary>
    public IEnumerable<long> Ascending()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            var word = _words[i];
            while (word != 0)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                yield return ((long)i << 6) + bit;
                word &= word - 1;
            }
        }
    }
}
