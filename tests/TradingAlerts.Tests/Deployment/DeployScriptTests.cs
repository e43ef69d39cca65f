namespace TradingAlerts.Tests.Deployment;

/// <summary>deploy/deploy.sh and deploy/rollback.sh: their dry-run plans, and shellcheck.</summary>
public sealed class DeployScriptTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("ta-deploy-state-").FullName;

    [Fact]
    public async Task Deploy_plan_migrates_then_rolls_silos_one_at_a_time_behind_health_gates_then_verifies()
    {
        File.WriteAllText(Path.Combine(_state, "current-tag"), "1.3.0\n");
        var result = await DryRunAsync("deploy/deploy.sh", "--tag", "1.4.0", "--silos", "3");
        var steps = Steps(result.Output);

        Assert.StartsWith("preflight", steps[0], StringComparison.Ordinal);
        Assert.Equal("record: previous tag 1.3.0 (what rollback.sh returns to)", steps[1]);
        Assert.Equal("pull images for tag 1.4.0", steps[2]);
        Assert.StartsWith("migrate the schema", steps[3], StringComparison.Ordinal);
        for (var i = 1; i <= 3; i++)
        {
            // Start one new silo beside all the running ones, wait until it is ready, only then stop one old silo.
            var start = steps.IndexOf($"silo {i}/3: start one silo on 1.4.0 beside the 3 running");
            Assert.True(start > 3, result.Output);
            Assert.Equal($"silo {i}/3: health gate: <new-silo-{i}> ready (/health/ready)", steps[start + 1]);
            Assert.StartsWith($"silo {i}/3: stop old silo <old-silo-{i}> gracefully", steps[start + 2], StringComparison.Ordinal);
        }

        Assert.Equal(
            ["verify: the load balancer answers ready", "verify: data flowing (all pairs fresh or closed in /api/indicators/health)",
             "verify: chart accuracy (the last 50 closed bars of EURUSD/H1 USDJPY/H4 XAUUSD/D1 as served = the rows in PostgreSQL)"],
            steps.SkipWhile(s => !s.StartsWith("verify", StringComparison.Ordinal)).Take(3));
        Assert.Equal("record: current tag 1.4.0", steps[^2]);

        var commands = Commands(result.Output);
        Assert.Contains(commands, c => c.Contains("TA_IMAGE_TAG=1.4.0", StringComparison.Ordinal) && c.EndsWith("run --rm schema", StringComparison.Ordinal));
        Assert.Equal(3, commands.Count(c => c.EndsWith("up -d --no-deps --no-recreate --scale silo=4 silo", StringComparison.Ordinal)));
        Assert.Equal(3, commands.Count(c => c.StartsWith("docker stop --time 45 <old-silo-", StringComparison.Ordinal)));
        Assert.Contains(commands, c => c.Contains("/api/indicators/health", StringComparison.Ordinal) && c.Contains(".summary.fresh + (.summary.closed // 0) == .summary.total", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("curl -fsS http://localhost:8080/api/indicators/USDJPY/H4?limit=51", StringComparison.Ordinal) && c.Contains("usdjpy_h4", StringComparison.Ordinal));
        // Never everything at once.
        Assert.DoesNotContain(commands, c => c.Contains(" down", StringComparison.Ordinal) || c.Contains("restart", StringComparison.Ordinal));
        // A dry run records nothing.
        Assert.False(File.Exists(Path.Combine(_state, "previous-tag")));
    }

    [Fact]
    public async Task Rollback_plan_returns_to_the_recorded_previous_tag_without_touching_the_schema()
    {
        File.WriteAllText(Path.Combine(_state, "current-tag"), "1.4.0\n");
        File.WriteAllText(Path.Combine(_state, "previous-tag"), "1.3.0\n");
        var result = await DryRunAsync("deploy/rollback.sh");
        var steps = Steps(result.Output);

        Assert.Equal("roll back from 1.4.0 to 1.3.0 (no schema change: migrations only add)", steps[1]);
        Assert.DoesNotContain(steps, s => s.StartsWith("migrate", StringComparison.Ordinal));
        Assert.Equal(2, steps.Count(s => s.StartsWith("silo ", StringComparison.Ordinal) && s.Contains("health gate", StringComparison.Ordinal)));
        Assert.Contains("verify: data flowing (all pairs fresh or closed in /api/indicators/health)", steps);
        Assert.Equal("record: current tag 1.3.0, previous 1.4.0", steps[^2]);
        var commands = Commands(result.Output);
        Assert.All(commands.Where(c => c.StartsWith("env ", StringComparison.Ordinal)), c => Assert.StartsWith("env TA_IMAGE_TAG=1.3.0 ", c, StringComparison.Ordinal));
        Assert.Contains(commands, c => c.EndsWith("up -d --no-deps agent alert-engine", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deploy_without_a_tag_refuses()
    {
        var result = await Tool.RunAsync("bash", ["deploy/deploy.sh", "--dry-run"], new Dictionary<string, string?> { ["TA_STATE_DIR"] = _state });
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--tag is required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_that_fails_after_preflight_rolls_back_with_auto_rollback_and_a_failed_preflight_does_not()
    {
        // A real run of deploy.sh with the real docker-compose, pointed at a Docker socket that does not exist: pulling the
        // images fails (the first step that changes anything), which must start rollback.sh to the recorded tag.
        File.WriteAllText(Path.Combine(_state, "current-tag"), "1.3.0\n");
        var environment = new Dictionary<string, string?>(ComposeFileTests.RenderEnvironment)
        {
            ["TA_STATE_DIR"] = _state,
            ["DOCKER_HOST"] = $"unix://{Path.Combine(_state, "no-docker.sock")}",
        };
        var failed = await Tool.RunAsync("bash", ["deploy/deploy.sh", "--tag", "1.4.0", "--auto-rollback"], environment);
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("[deploy] step 3: pull images for tag 1.4.0", failed.Output, StringComparison.Ordinal);
        Assert.Contains("[deploy] a gate failed: rolling back", failed.Error, StringComparison.Ordinal);
        Assert.Contains("[rollback] step 3: pull images for tag 1.3.0", failed.Output, StringComparison.Ordinal);

        // A preflight that refuses (here: compose does not render without a secret) has changed nothing: no rollback.
        environment["ALERTMANAGER_WEBHOOK_URL"] = null;
        var refused = await Tool.RunAsync("bash", ["deploy/deploy.sh", "--tag", "1.4.0", "--auto-rollback"], environment);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("[deploy] FAILED: docker-compose.yml does not validate", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("[rollback]", refused.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scripts_are_shellcheck_clean()
    {
        var result = await Tool.RunAsync("shellcheck", ["-x", "deploy/deploy.sh", "deploy/rollback.sh", "deploy/lib/rollout.sh", "deploy/lib/accuracy.sh"]);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
    }

    private async Task<Tool.Result> DryRunAsync(string script, params string[] args)
    {
        var result = await Tool.RunAsync("bash", [script, "--dry-run", .. args], new Dictionary<string, string?> { ["TA_STATE_DIR"] = _state, ["SILO_REPLICAS"] = null, ["TA_IMAGE_TAG"] = null });
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        return result;
    }

    /// <summary>The step titles, in order ("[deploy] step 3: migrate …" → "migrate …").</summary>
    private static List<string> Steps(string output) =>
        [.. output.Split('\n').Where(l => l.StartsWith('[') && l.Contains("] step ", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..])];

    private static List<string> Commands(string output) =>
        [.. output.Split('\n').Where(l => l.StartsWith("  + ", StringComparison.Ordinal)).Select(l => l[4..])];

    public void Dispose() => Directory.Delete(_state, recursive: true);
}
