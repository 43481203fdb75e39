using System.Net;
using System.Text.Json.Nodes;
using EvalBot.Delivery;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Reliability;

/// <summary>
/// Only the organisation's tenant is served: <c>Bot:TenantId</c> when set, else the tenant of the first member of the
/// organisation to talk to the bot (pinned). Another tenant's activity is refused before anything is stored, and new
/// personal chats are only opened from a reference of the organisation's tenant.
/// </summary>
public sealed class TenantTests
{
    private const string OtherTenant = "99999999-9999-9999-9999-999999999999";

    [Fact]
    public async Task With_a_configured_tenant_another_tenants_activity_is_refused_and_nothing_is_stored()
    {
        await using var host = await ReliabilityHost.StartAsync(new Dictionary<string, string?> { ["Bot:TenantId"] = Activities.TenantId });
        var before = await host.SnapshotAsync();

        // A known person's Entra id from another tenant is not that person.
        var response = await host.PostAsync(InTenant(Activities.Message(host.Teams.ServiceUrl, "tóm tắt", userAad: "aad-user-1"), OtherTenant));
        var invoke = await host.PostAsync(InTenant(Activities.Invoke(host.Teams.ServiceUrl, "checkin.submit", host.ValidReport(), userAad: "aad-user-1"), OtherTenant));
        var none = Activities.Message(host.Teams.ServiceUrl, "tóm tắt", userAad: "aad-user-1");
        none["conversation"]!.AsObject().Remove("tenantId");
        none.Remove("channelData");
        var noTenant = await host.PostAsync(none);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, invoke.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noTenant.StatusCode);
        Assert.Empty(before.Differences(await host.SnapshotAsync()));
        var ours = await host.PostAsync(Activities.Message(host.Teams.ServiceUrl, "trợ giúp", userAad: "aad-user-1"));
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
    }

    [Fact]
    public async Task Without_configuration_the_first_members_tenant_is_pinned_and_a_stranger_never_becomes_the_template()
    {
        await using var host = await ReliabilityHost.StartAsync();
        // Nobody of the organisation has talked yet: a stranger of another tenant is served (help), but pins nothing.
        var stranger = InTenant(Activities.Message(host.Teams.ServiceUrl, "help", userAad: "aad-stranger", conversationId: "a:stranger"), OtherTenant);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(stranger)).StatusCode);
        Assert.Null(await RecipientAsync(host));

        (await host.PostAsync(Activities.Message(host.Teams.ServiceUrl, "trợ giúp", userAad: "aad-user-1", conversationId: "a:member"))).EnsureSuccessStatusCode();
        var before = await host.SnapshotAsync();
        var again = InTenant(Activities.Message(host.Teams.ServiceUrl, "help", userAad: "aad-stranger", conversationId: "a:stranger-2"), OtherTenant);
        var asMember = InTenant(Activities.Message(host.Teams.ServiceUrl, "tóm tắt", userAad: "aad-user-2", conversationId: "a:stranger-3"), OtherTenant);

        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(asMember)).StatusCode);
        Assert.Empty(before.Differences(await host.SnapshotAsync()));
        var recipient = await RecipientAsync(host);
        Assert.NotNull(recipient);
        Assert.Equal(Activities.TenantId, recipient.TenantId);
        Assert.Equal(host.Teams.ServiceUrl, recipient.ServiceUrl);
    }

    /// <summary>How the bot would reach the leader, who has no chat with it yet.</summary>
    private static async Task<ProactiveRecipient?> RecipientAsync(ReliabilityHost host)
    {
        using var scope = host.Bot.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalBot.Persistence.EvalBotDbContext>();
        var leader = await db.People.SingleAsync(p => p.AadObjectId == "aad-leader");
        return await scope.ServiceProvider.GetRequiredService<ProactiveAddressing>().ForAsync(leader, null, null, CancellationToken.None);
    }

    private static JsonObject InTenant(JsonObject activity, string tenant)
    {
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"]!["tenant"]!["id"] = tenant;
        return activity;
    }
}

/// <summary>A personal conversation belongs to the user it was first seen with: nobody else can take it over.</summary>
public sealed class PersonalConversationOwnerTests
{
    [Fact]
    public async Task An_activity_from_someone_else_in_a_personal_chat_is_refused_and_the_owner_stays()
    {
        await using var host = await ReliabilityHost.StartAsync();
        (await host.PostAsync(Activities.Message(host.Teams.ServiceUrl, "trợ giúp", userAad: "aad-leader", conversationId: "a:leader-chat"))).EnsureSuccessStatusCode();
        var before = await host.SnapshotAsync();

        var message = await host.PostAsync(Activities.Message(host.Teams.ServiceUrl, "báo cáo", userAad: "aad-user-1", conversationId: "a:leader-chat"));
        var invoke = await host.PostAsync(Activities.Invoke(host.Teams.ServiceUrl, "checkin.submit", host.ValidReport(), userAad: "aad-user-1", conversationId: "a:leader-chat"));
        var install = await host.PostAsync(Activities.Install(host.Teams.ServiceUrl, userAad: "aad-user-1", conversationId: "a:leader-chat"));

        Assert.Equal(HttpStatusCode.Forbidden, message.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, invoke.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, install.StatusCode);
        Assert.Empty(before.Differences(await host.SnapshotAsync()));
        var owner = await host.Bot.QueryAsync(db => db.ConversationReferences.SingleAsync(c => c.ConversationId == "a:leader-chat"));
        Assert.Equal("aad-leader", owner.UserAadObjectId);
    }
}
