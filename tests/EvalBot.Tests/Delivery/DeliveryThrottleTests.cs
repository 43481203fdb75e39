using System.Net;
using EvalBot.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EvalBot.Tests.Delivery;

/// <summary>The pacing that keeps a campaign inside Teams' limits: per app, per conversation, and after a 429.</summary>
public sealed class DeliveryThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Requests_of_the_app_are_spaced_evenly_at_the_configured_rate()
    {
        var throttle = Throttle(new DeliveryOptions { TenantRequestsPerSecond = 50 });

        var delays = Enumerable.Range(0, 5).Select(_ => throttle.ReserveAppSlot()).ToList();

        Assert.Equal([0, 20, 40, 60, 80], delays.Select(d => (int)Math.Round(d.TotalMilliseconds)));
    }

    [Fact]
    public void The_pace_does_not_bank_idle_time_into_a_burst()
    {
        var throttle = Throttle(new DeliveryOptions { TenantRequestsPerSecond = 10 });
        throttle.ReserveAppSlot();
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.Zero, throttle.ReserveAppSlot());
        Assert.Equal(TimeSpan.FromMilliseconds(100), throttle.ReserveAppSlot());
    }

    [Fact]
    public void Requests_held_up_by_a_pause_do_not_leave_together_past_the_limit()
    {
        var throttle = Throttle(new DeliveryOptions { TenantRequestsPerSecond = 3 });
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(throttle.TakeRoomInLastSecond());
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        // Three sent in the last 300 ms: the fourth waits until the first is a second old.
        Assert.Equal(TimeSpan.FromMilliseconds(700), throttle.TakeRoomInLastSecond());
        _clock.Advance(TimeSpan.FromMilliseconds(700));
        Assert.Null(throttle.TakeRoomInLastSecond());
    }

    [Fact]
    public void One_conversation_keeps_to_seven_a_second_and_eight_in_two_seconds()
    {
        var throttle = Throttle(new DeliveryOptions());
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(new DeliveryThrottle.Reservation(TimeSpan.Zero, true), throttle.ReserveConversation("chat"));
        }

        var eighth = throttle.ReserveConversation("chat");
        Assert.False(eighth.Reserved);
        Assert.Equal(TimeSpan.FromSeconds(1), eighth.Delay);
        Assert.True(throttle.ReserveConversation("another chat").Reserved);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(throttle.ReserveConversation("chat").Reserved);
        var ninth = throttle.ReserveConversation("chat");
        Assert.False(ninth.Reserved);
        Assert.Equal(TimeSpan.FromSeconds(1), ninth.Delay);
    }

    [Fact]
    public void A_conversation_that_waits_takes_none_of_the_apps_slots()
    {
        var throttle = Throttle(new DeliveryOptions { TenantRequestsPerSecond = 10 });
        for (var i = 0; i < 7; i++)
        {
            throttle.ReserveConversation("busy");
        }

        Assert.False(throttle.ReserveConversation("busy").Reserved);
        Assert.Equal(TimeSpan.Zero, throttle.ReserveAppSlot());
    }

    [Fact]
    public void Configured_conversation_windows_replace_the_Teams_defaults()
    {
        var throttle = Throttle(new DeliveryOptions
        {
            ConversationLimits = [new ConversationLimit { Count = 2, Window = TimeSpan.FromSeconds(10) }],
        });
        throttle.ReserveConversation("chat");
        throttle.ReserveConversation("chat");

        Assert.Equal(TimeSpan.FromSeconds(10), throttle.ReserveConversation("chat").Delay);
    }

    [Fact]
    public void With_the_limits_off_nothing_waits()
    {
        var throttle = Throttle(new DeliveryOptions { TenantRequestsPerSecond = 0, EnforceConversationLimits = false });

        Assert.All(Enumerable.Range(0, 100), _ =>
        {
            Assert.True(throttle.ReserveConversation("chat").Reserved);
            Assert.Equal(TimeSpan.Zero, throttle.ReserveAppSlot());
        });
    }

    [Fact]
    public void A_lone_429_holds_back_every_later_request_for_the_first_hold_only()
    {
        var throttle = Throttle(new DeliveryOptions { TenantRequestsPerSecond = 0 });
        throttle.Backoff(TimeSpan.FromSeconds(1), sentAt: _clock.GetUtcNow());

        Assert.Equal(TimeSpan.FromMilliseconds(125), throttle.ReserveAppSlot());
        Assert.Equal(TimeSpan.FromMilliseconds(125), throttle.ReserveAppSlot());
    }

    [Fact]
    public void Each_429_to_a_request_sent_after_the_hold_doubles_it_up_to_the_Retry_After()
    {
        var throttle = Throttle(new DeliveryOptions { TenantRequestsPerSecond = 0 });
        var holds = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            throttle.Backoff(TimeSpan.FromSeconds(1), sentAt: _clock.GetUtcNow());
            var hold = throttle.ReserveAppSlot();
            holds.Add((int)hold.TotalMilliseconds);
            _clock.Advance(hold); // the next request leaves when the hold ends, and is throttled again
        }

        Assert.Equal([125, 250, 500, 1000, 1000], holds);
    }

    [Fact]
    public void A_429_to_a_request_already_in_flight_when_the_hold_began_adds_nothing()
    {
        var throttle = Throttle(new DeliveryOptions { TenantRequestsPerSecond = 0 });
        var inFlightSince = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        throttle.Backoff(TimeSpan.FromSeconds(1), sentAt: inFlightSince);
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        // The bunch's other requests come back throttled too, after the hold began: they were sent before it.
        throttle.Backoff(TimeSpan.FromSeconds(1), sentAt: inFlightSince);
        throttle.Backoff(TimeSpan.FromSeconds(1), sentAt: inFlightSince + TimeSpan.FromMilliseconds(40));

        Assert.Equal(TimeSpan.FromMilliseconds(25), throttle.ReserveAppSlot());
    }

    [Fact]
    public void After_a_quiet_Retry_After_the_hold_starts_again_from_the_first()
    {
        var throttle = Throttle(new DeliveryOptions { TenantRequestsPerSecond = 0 });
        throttle.Backoff(TimeSpan.FromSeconds(1), sentAt: _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMilliseconds(125));
        throttle.Backoff(TimeSpan.FromSeconds(1), sentAt: _clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromMilliseconds(250), throttle.ReserveAppSlot());

        _clock.Advance(TimeSpan.FromMilliseconds(250) + TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(1));
        throttle.Backoff(TimeSpan.FromSeconds(1), sentAt: _clock.GetUtcNow());

        Assert.Equal(TimeSpan.FromMilliseconds(125), throttle.ReserveAppSlot());
    }

    [Theory]
    [InlineData(0)] // no first hold configured
    [InlineData(3000)] // a first hold as long as the Retry-After
    public void A_429_holds_back_every_later_request_for_its_full_Retry_After_when_so_configured(int firstHoldMs)
    {
        var throttle = Throttle(new DeliveryOptions { TenantRequestsPerSecond = 0, ThrottleFirstHold = TimeSpan.FromMilliseconds(firstHoldMs) });
        throttle.Backoff(TimeSpan.FromSeconds(3), sentAt: _clock.GetUtcNow());

        Assert.Equal(TimeSpan.FromSeconds(3), throttle.ReserveAppSlot());
        Assert.Equal(TimeSpan.FromSeconds(3), throttle.ReserveAppSlot());
    }

    [Fact]
    public void The_hold_never_outlasts_a_short_Retry_After()
    {
        var throttle = Throttle(new DeliveryOptions { TenantRequestsPerSecond = 0, ThrottleFirstHold = TimeSpan.FromMilliseconds(500) });
        throttle.Backoff(TimeSpan.FromMilliseconds(200), sentAt: _clock.GetUtcNow());

        Assert.Equal(TimeSpan.FromMilliseconds(200), throttle.ReserveAppSlot());
    }

    [Fact]
    public async Task The_handler_reports_every_429_attempt_to_the_throttle()
    {
        var throttle = Throttle(new DeliveryOptions { TenantRequestsPerSecond = 0 });
        using var handler = new ThrottleFeedbackHandler(throttle, _clock) { InnerHandler = new Answer429(TimeSpan.FromSeconds(2)) };
        using var client = new HttpClient(handler);

        using (var response = await client.PostAsync(new Uri("https://teams.invalid/v3/conversations/a/activities"), null))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal(TimeSpan.FromMilliseconds(125), throttle.ReserveAppSlot());
        }

        // The next attempt, sent once the hold has ended, is throttled too: the hold doubles.
        _clock.Advance(TimeSpan.FromMilliseconds(125));
        using var again = await client.PostAsync(new Uri("https://teams.invalid/v3/conversations/a/activities"), null);
        Assert.Equal(TimeSpan.FromMilliseconds(250), throttle.ReserveAppSlot());
    }

    [Fact]
    public void A_429_without_Retry_After_waits_one_second()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Equal(TimeSpan.FromSeconds(1), ThrottleFeedbackHandler.RetryAfter(response, _clock.GetUtcNow()));
    }

    [Theory]
    [InlineData(0, 8)] // nothing measured yet: the configured concurrency
    [InlineData(5, 8)] // 48/s × 0.005 s × 1.25 = 0.3: no whole call more
    [InlineData(20, 9)] // 48/s × 0.02 s × 1.25 = 1.2 → 1 more
    [InlineData(200, 20)] // 48/s × 0.2 s × 1.25 = 12 more
    [InlineData(300, 26)] // 18 more
    [InlineData(5000, 64)] // capped at MaxConcurrency
    public void The_sends_kept_in_flight_grow_with_Teams_round_trip_so_the_rate_holds(int roundTripMs, int expected)
    {
        var throttle = Throttle(new DeliveryOptions { Concurrency = 8, MaxConcurrency = 64, TenantRequestsPerSecond = 48 });
        if (roundTripMs > 0)
        {
            throttle.RecordRoundTrip(TimeSpan.FromMilliseconds(roundTripMs));
        }

        Assert.Equal(expected, throttle.InFlightTarget());
    }

    [Fact]
    public void The_round_trip_follows_the_latest_calls_a_fifth_at_a_time()
    {
        var throttle = Throttle(new DeliveryOptions { Concurrency = 8, TenantRequestsPerSecond = 48 });
        throttle.RecordRoundTrip(TimeSpan.FromMilliseconds(300));
        throttle.RecordRoundTrip(TimeSpan.FromMilliseconds(100));
        Assert.Equal(260, throttle.RoundTrip.TotalMilliseconds, precision: 6);

        for (var i = 0; i < 40; i++)
        {
            throttle.RecordRoundTrip(TimeSpan.FromMilliseconds(10));
        }

        // Teams fast again: back to the configured concurrency.
        Assert.Equal(8, throttle.InFlightTarget());
    }

    [Fact]
    public void Without_pacing_the_configured_concurrency_stands_however_slow_Teams_is()
    {
        var throttle = Throttle(new DeliveryOptions { Concurrency = 8, TenantRequestsPerSecond = 0 });
        throttle.RecordRoundTrip(TimeSpan.FromSeconds(1));

        Assert.Equal(8, throttle.InFlightTarget());
    }

    [Fact]
    public async Task Each_attempt_through_the_connector_pipeline_reports_its_round_trip()
    {
        var throttle = Throttle(new DeliveryOptions { TenantRequestsPerSecond = 0 });
        using var handler = new ThrottleFeedbackHandler(throttle, _clock) { InnerHandler = new Slow(_clock, TimeSpan.FromMilliseconds(250)) };
        using var client = new HttpClient(handler);

        using var response = await client.PostAsync(new Uri("https://teams.invalid/v3/conversations/a/activities"), null);

        Assert.Equal(TimeSpan.FromMilliseconds(250), throttle.RoundTrip);
    }

    private DeliveryThrottle Throttle(DeliveryOptions options) => new(_clock, Options.Create(options));

    private sealed class Answer429(TimeSpan retryAfter) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
            return Task.FromResult(response);
        }
    }

    /// <summary>Answers after the fake clock has moved on by the given time, as a distant Teams would.</summary>
    private sealed class Slow(FakeTimeProvider clock, TimeSpan latency) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            clock.Advance(latency);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created));
        }
    }
}
