using System.IO.Compression;
using System.Xml.Linq;

namespace EvalBot.Tests.Support;

/// <summary>
/// An XLSX file read back from the package itself (ZIP + XML, not the library that wrote it): the workbook, the styles and
/// the first worksheet, with every cell's text by reference and the table rows of an official list.
/// </summary>
public sealed record XlsxPackage(XDocument Workbook, XDocument Styles, XDocument Sheet)
{
    public static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>Every cell's text by its reference (A1 …), inline strings and numbers alike.</summary>
    public Dictionary<string, string> Cells => Sheet.Descendants(Main + "c").ToDictionary(
        c => (string)c.Attribute("r")!,
        c => string.Concat(c.Descendants(Main + "t").Select(t => t.Value)) + (string?)c.Element(Main + "v"));

    public List<string> Merges => [.. Sheet.Descendants(Main + "mergeCell").Select(m => (string)m.Attribute("ref")!)];

    public static XlsxPackage Read(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        XDocument Part(Func<string, bool> match)
        {
            using var stream = zip.Entries.Single(e => match(e.FullName)).Open();
            return XDocument.Load(stream);
        }

        return new XlsxPackage(Part(n => n.EndsWith("workbook.xml", StringComparison.Ordinal)), Part(n => n.EndsWith("styles.xml", StringComparison.Ordinal)),
            Part(n => n.Contains("worksheets/", StringComparison.Ordinal)));
    }

    /// <summary>The table's rows below its header row <paramref name="headerRow"/> (seven columns A–G): column letter → text.</summary>
    public List<Dictionary<string, string>> DataRows(uint headerRow)
    {
        var cells = Cells;
        var rows = new List<Dictionary<string, string>>();
        for (var r = headerRow + 1; cells.ContainsKey($"B{r}") && cells.ContainsKey($"G{r}"); r++)
        {
            rows.Add("ABCDEFG".ToDictionary(c => c.ToString(), c => cells.GetValueOrDefault($"{c}{r}", "")));
        }

        return rows;
    }
}
