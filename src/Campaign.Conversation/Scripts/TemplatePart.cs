namespace Campaign.Conversation.Scripts;

/// <summary>A piece of a parsed template: literal text or a variable.</summary>
public abstract record TemplatePart;

public sealed record LiteralPart(string Text) : TemplatePart;

public sealed record VariablePart(TemplateVariable Variable) : TemplatePart;
