namespace NeoGen;

/// <summary>Who is changing data, as the audit trail of <c>[Audited]</c> tables records it.</summary>
public interface IAuditActor
{
    /// <summary>The user or service making the change (a user id, not a display name); null records no actor.</summary>
    string? ActorId { get; }
}

/// <summary>The audit actors NeoGen provides.</summary>
public static class AuditActor
{
    /// <summary>Always <paramref name="actorId"/> (a service account, a batch job).</summary>
    public static IAuditActor Fixed(string actorId) => new FixedAuditActor(actorId);

    private sealed class FixedAuditActor : IAuditActor
    {
        public FixedAuditActor(string actorId) => ActorId = actorId;

        public string? ActorId { get; }
    }
}
