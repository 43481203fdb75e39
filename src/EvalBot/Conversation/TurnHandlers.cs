namespace EvalBot.Conversation;

/// <summary>
/// What the router knows of the handlers, learned once for the app: each command handler's keywords, each card action's
/// verbs, each file type, the installs, the file consent and the fallback, with the markers the router obeys. A turn
/// builds only the handler it calls, with that turn's services, instead of every handler of every feature.
/// </summary>
public sealed class TurnHandlers(IServiceScopeFactory scopes, IServiceProviderIsService registered)
{
    private readonly Lazy<Catalog> _catalog = new(() => Catalog.Learn(scopes, registered), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every command keyword, in registration order.</summary>
    public IReadOnlyList<string> Keywords => _catalog.Value.Keywords;

    /// <summary>The handler of a keyword from <see cref="Keywords"/>: the first registered that lists it.</summary>
    public Handler<ICommandHandler> Command(string keyword) => _catalog.Value.Commands[keyword];

    public Handler<ICardActionHandler>? Action(string verb) => _catalog.Value.Actions.GetValueOrDefault(verb);

    public Handler<IAttachmentHandler>? Attachment(string contentType) => _catalog.Value.Attachments.GetValueOrDefault(contentType);

    public IReadOnlyList<Handler<IInstallHandler>> Installs => _catalog.Value.Installs;

    public Handler<IFileConsentHandler>? FileConsent => _catalog.Value.FileConsent;

    public Handler<IFallbackHandler> Fallback => _catalog.Value.Fallback;

    /// <summary>One handler, known by its type, built when a turn calls it.</summary>
    public sealed class Handler<T>
        where T : class
    {
        private readonly ObjectFactory? _build;

        internal Handler(Type type, bool isRegistered)
        {
            Type = type;
            SafeInSharedConversations = typeof(ISafeInSharedConversations).IsAssignableFrom(type);
            KeepsNoAnswerRecord = typeof(IKeepsNoAnswerRecord).IsAssignableFrom(type);
            AnswersFromReads = typeof(IAnswersFromReads).IsAssignableFrom(type);
            // A type registered as itself (a handler serving two roles) is taken from the turn's services, so both roles
            // share one instance; any other is built with the turn's services for its constructor.
            _build = isRegistered ? null : ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
        }

        public Type Type { get; }

        public bool SafeInSharedConversations { get; }

        public bool KeepsNoAnswerRecord { get; }

        public bool AnswersFromReads { get; }

        public T For(IServiceProvider turnServices) => (T)(_build is null ? turnServices.GetRequiredService(Type) : _build(turnServices, null));
    }

    private sealed record Catalog(
        IReadOnlyList<string> Keywords,
        Dictionary<string, Handler<ICommandHandler>> Commands,
        Dictionary<string, Handler<ICardActionHandler>> Actions,
        Dictionary<string, Handler<IAttachmentHandler>> Attachments,
        IReadOnlyList<Handler<IInstallHandler>> Installs,
        Handler<IFileConsentHandler>? FileConsent,
        Handler<IFallbackHandler> Fallback)
    {
        /// <summary>Builds every handler once, in a scope of its own, to read what each declares.</summary>
        public static Catalog Learn(IServiceScopeFactory scopes, IServiceProviderIsService registered)
        {
            using var scope = scopes.CreateScope();
            var services = scope.ServiceProvider;
            Handler<T> Of<T>(T handler)
                where T : class => new(handler.GetType(), registered.IsService(handler.GetType()));

            var keywords = new List<string>();
            var commands = new Dictionary<string, Handler<ICommandHandler>>(StringComparer.Ordinal);
            foreach (var command in services.GetServices<ICommandHandler>())
            {
                var handler = Of(command);
                foreach (var keyword in command.Keywords)
                {
                    keywords.Add(keyword);
                    commands.TryAdd(keyword, handler);
                }
            }

            var actions = new Dictionary<string, Handler<ICardActionHandler>>(StringComparer.Ordinal);
            foreach (var action in services.GetServices<ICardActionHandler>())
            {
                var handler = Of(action);
                foreach (var verb in action.Verbs)
                {
                    // Two handlers of one verb is a wiring mistake: refused at start, as before.
                    actions.Add(verb, handler);
                }
            }

            return new Catalog(
                keywords,
                commands,
                actions,
                services.GetServices<IAttachmentHandler>().ToDictionary(h => h.ContentType, Of, StringComparer.OrdinalIgnoreCase),
                [.. services.GetServices<IInstallHandler>().Select(Of)],
                services.GetServices<IFileConsentHandler>().FirstOrDefault() is { } consent ? Of(consent) : null,
                Of(services.GetRequiredService<IFallbackHandler>()));
        }
    }
}
