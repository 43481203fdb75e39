namespace EvalBot.Persistence.Entities;

/// <summary>A job position (vị trí việc làm); targets can be assigned to a post and apply to everyone holding it.</summary>
public sealed class Post
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public required string Name { get; set; }
    public long? UnitId { get; set; }
}

/// <summary>A group of people with similar tasks (nhóm có nhiệm vụ tương đồng): the second scope of the HTXS quota.</summary>
public sealed class TaskGroup
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public required string Name { get; set; }
    public long? UnitId { get; set; }
}
