using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Campaign.Conversation.Scripts;
using Campaign.Host.Api;
using Campaign.Host.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Scripts;

public sealed class ScriptEditorModel(IGrainFactory grains, ICustomerDirectory directory, ScriptTestRunner tester) : PageModel
{
    /// <summary>How many customers the preview's pick list offers; any other id can be typed.</summary>
    public const int CustomerChoices = 200;

    /// <summary>The script being edited; null for a new one.</summary>
    [FromRoute]
    public string? Id { get; set; }

    [BindProperty]
    public ScriptForm Form { get; set; } = new();

    [BindProperty]
    public string? CustomerId { get; set; }

    public int? LatestVersion { get; private set; }

    public IReadOnlyList<ScriptVersionSummary> Versions { get; private set; } = [];

    public IReadOnlyList<CustomerSummary> Customers { get; private set; } = [];

    /// <summary>Errors by the input they belong to (see <see cref="ScriptForm.Place"/>).</summary>
    public ILookup<string, string> Errors { get; private set; } = Array.Empty<string>().ToLookup(e => e);

    public string? Error { get; private set; }

    public ScriptPreview? Preview { get; private set; }

    public string? PreviewError { get; private set; }

    /// <summary>The caller's lines of a test call, one per line of the text box.</summary>
    [BindProperty]
    public string? TestLines { get; set; }

    public ScriptTestResult? TestResult { get; private set; }

    public string? TestError { get; private set; }

    public IEnumerable<string> ErrorsFor(string input) => Errors[input];

    public async Task<IActionResult> OnGetAsync(int? version, CancellationToken cancellationToken)
    {
        if (Id is not null)
        {
            var script = grains.GetGrain<IScriptGrain>(Id);
            if (await script.GetAsync(version) is not { } saved)
            {
                return NotFound();
            }

            Form = ScriptForm.From(saved);
            Form.BaseVersion = (await script.GetAsync())?.Version ?? saved.Version;
        }
        else
        {
            Form.Disclosure = "I'm an automated assistant calling on behalf of {{persona.company}}, and this call may be recorded.";
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var definition = Form.ToDefinition();
        try
        {
            var saved = Id is null
                ? await grains.GetGrain<IScriptGrain>(ScriptEndpoints.NewId()).CreateAsync(definition)
                : await grains.GetGrain<IScriptGrain>(Id).UpdateAsync(definition, Form.BaseVersion);
            if (saved is null)
            {
                return NotFound();
            }

            TempData["Flash"] = $"Saved version {saved.Version}.";
            return RedirectToPage(new { id = saved.ScriptId });
        }
        catch (ScriptValidationException ex)
        {
            ShowErrors(ex.Errors);
        }
        catch (ScriptVersionConflictException ex)
        {
            Error = $"Version {ex.LatestVersion} was saved while you were editing version {ex.ExpectedVersion}. Open the latest version, redo your change there, and save again.";
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        var definition = Form.ToDefinition();
        var errors = ScriptValidator.Validate(definition);
        if (errors.Count > 0)
        {
            ShowErrors(errors);
            PreviewError = "Fix the errors in the script to see the preview.";
        }
        else if (string.IsNullOrWhiteSpace(CustomerId))
        {
            PreviewError = "Choose a customer to preview the script for.";
        }
        else if (await grains.GetGrain<ICustomerGrain>(CustomerId.Trim()).GetAsync() is not { } customer)
        {
            PreviewError = $"There is no customer '{CustomerId.Trim()}'.";
        }
        else
        {
            var blank = ScriptValidator.FindBlankVariables(definition, customer.Profile);
            Preview = new ScriptPreview(customer.Profile, customer.DoNotCall, definition, blank, new TemplateContext(customer.Profile, definition.Persona, definition.Language));
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>A test call on the latest saved version, for the chosen customer or a sample one; the form keeps its edits.</summary>
    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        var lines = (TestLines ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var saved = Id is null ? null : await grains.GetGrain<IScriptGrain>(Id).GetAsync();
        if (saved is null)
        {
            TestError = "Save the script first: a test call follows a saved version, as a campaign would.";
        }
        else if (ScriptTestRunner.Check(lines.Cast<string?>().ToList()) is { } bad)
        {
            TestError = bad.Field == "lines" ? $"Caller lines: {bad.Message}." : $"Line {int.Parse(bad.Field[6..^1], System.Globalization.CultureInfo.InvariantCulture) + 1}: {bad.Message}.";
        }
        else if (!string.IsNullOrWhiteSpace(CustomerId) && await grains.GetGrain<ICustomerGrain>(CustomerId.Trim()).GetAsync() is null)
        {
            TestError = $"There is no customer '{CustomerId.Trim()}'.";
        }
        else
        {
            var customer = string.IsNullOrWhiteSpace(CustomerId)
                ? ScriptTestRunner.SampleCustomer
                : (await grains.GetGrain<ICustomerGrain>(CustomerId.Trim()).GetAsync())!.Profile;
            TestResult = await tester.RunAsync(saved, customer, lines, cancellationToken);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private void ShowErrors(IReadOnlyList<ScriptValidationError> errors)
    {
        var placed = errors.Select(ScriptForm.Place).ToList();
        Errors = placed.ToLookup(e => e.Input, e => e.Text);
        var elsewhere = placed.Where(e => !ScriptForm.Inputs.Contains(e.Input)).Select(e => $"{e.Input}: {e.Text}").ToList();
        Error = (errors.Count == 1 ? "The script has 1 problem" : $"The script has {errors.Count} problems")
            + (elsewhere.Count == 0 ? "; each is shown next to its field." : ": " + string.Join("; ", elsewhere));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (Id is not null)
        {
            Versions = await grains.GetGrain<IScriptGrain>(Id).ListVersionsAsync();
            LatestVersion = Versions.Count == 0 ? null : Versions[^1].Version;
        }

        Customers = (await directory.QueryAsync(new AllCriteria([]), 0, CustomerChoices, includeDoNotCall: true, cancellationToken)).Items;
    }
}

/// <summary>A script to render for one customer (<see cref="Text"/>), with the variables that come out blank for them.</summary>
public sealed record ScriptPreview(CustomerProfile Customer, bool DoNotCall, ScriptDefinition Script, IReadOnlyList<ScriptBlankVariable> Warnings, TemplateContext Context)
{
    /// <summary>One of the script's texts as the customer would hear it, a blank variable shown in its place.</summary>
    public IReadOnlyList<PreviewPiece> Text(string? text) => PreviewText.Render(text, Context);
}
