using YamlDotNet.RepresentationModel;

namespace TradingAlerts.Tests.Deployment;

/// <summary>deploy/k8s parses as YAML and holds what Microsoft.Orleans.Hosting.Kubernetes and the probes need.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "deploy", "k8s");

    private static readonly List<YamlMappingNode> Documents =
        [.. Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal).Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal)).SelectMany(Load)];

    [Fact]
    public void Every_manifest_parses_and_the_kustomization_lists_them_all()
    {
        Assert.Equal(
            ["Deployment/tradingalerts-alert-engine", "Deployment/tradingalerts-silo", "Job/tradingalerts-schema", "Namespace/tradingalerts",
             "PodDisruptionBudget/tradingalerts-silo", "Role/orleans-hosting", "RoleBinding/tradingalerts-silo-orleans-hosting",
             "Service/tradingalerts-api", "ServiceAccount/tradingalerts-silo"],
            Documents.Select(d => $"{S(d, "kind")}/{S(M(d, "metadata"), "name")}").Order(StringComparer.Ordinal));

        var kustomization = Load(Path.Combine(Folder, "kustomization.yaml")).Single();
        Assert.Equal(
            Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order(StringComparer.Ordinal),
            Seq(kustomization, "resources").Select(n => ((YamlScalarNode)n).Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Silo_pods_carry_the_orleans_labels_pod_environment_and_probes()
    {
        var deployment = Find("Deployment", "tradingalerts-silo");
        var template = M(M(deployment, "spec"), "template");
        var labels = M(M(template, "metadata"), "labels");
        Assert.Equal("tradingalerts", S(labels, "orleans/serviceId"));
        Assert.Equal("tradingalerts", S(labels, "orleans/clusterId"));

        var rolling = M(M(M(deployment, "spec"), "strategy"), "rollingUpdate");
        Assert.Equal("0", S(rolling, "maxUnavailable"));

        var pod = M(template, "spec");
        Assert.Equal("tradingalerts-silo", S(pod, "serviceAccountName"));
        Assert.True(int.Parse(S(pod, "terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture) > 30, "grace period must exceed Orleans:ShutdownTimeout (30 s)");

        var container = (YamlMappingNode)Seq(pod, "containers").Single();
        var fieldRefs = Seq(container, "env").Cast<YamlMappingNode>()
            .Where(e => e.Children.ContainsKey("valueFrom") && M(e, "valueFrom").Children.ContainsKey("fieldRef"))
            .ToDictionary(e => S(e, "name"), e => S(M(M(e, "valueFrom"), "fieldRef"), "fieldPath"));
        Assert.Equal("metadata.name", fieldRefs["POD_NAME"]);
        Assert.Equal("metadata.namespace", fieldRefs["POD_NAMESPACE"]);
        Assert.Equal("status.podIP", fieldRefs["POD_IP"]);
        Assert.Equal("metadata.labels['orleans/serviceId']", fieldRefs["ORLEANS_SERVICE_ID"]);
        Assert.Equal("metadata.labels['orleans/clusterId']", fieldRefs["ORLEANS_CLUSTER_ID"]);

        Assert.Equal("/health/ready", S(M(M(container, "readinessProbe"), "httpGet"), "path"));
        Assert.Equal("/health/live", S(M(M(container, "livenessProbe"), "httpGet"), "path"));
        Assert.Equal("/health/ready", S(M(M(container, "startupProbe"), "httpGet"), "path"));
    }

    [Fact]
    public void Rbac_lets_the_silo_watch_and_delete_pods_and_the_budget_covers_the_silos()
    {
        var rule = (YamlMappingNode)Seq(Find("Role", "orleans-hosting"), "rules").Single();
        Assert.Equal(["pods"], Seq(rule, "resources").Select(n => ((YamlScalarNode)n).Value));
        Assert.Superset(new HashSet<string?> { "get", "list", "watch", "delete" }, Seq(rule, "verbs").Select(n => ((YamlScalarNode)n).Value).ToHashSet());

        var binding = Find("RoleBinding", "tradingalerts-silo-orleans-hosting");
        Assert.Equal("orleans-hosting", S(M(binding, "roleRef"), "name"));
        Assert.Equal("tradingalerts-silo", S((YamlMappingNode)Seq(binding, "subjects").Single(), "name"));

        var podLabels = M(M(M(M(Find("Deployment", "tradingalerts-silo"), "spec"), "template"), "metadata"), "labels");
        foreach (var selector in new[] { M(M(M(Find("PodDisruptionBudget", "tradingalerts-silo"), "spec"), "selector"), "matchLabels"), M(M(Find("Service", "tradingalerts-api"), "spec"), "selector") })
        {
            Assert.All(selector.Children, l => Assert.Equal(l.Value.ToString(), podLabels.Children[l.Key].ToString()));
        }
    }

    private static IEnumerable<YamlMappingNode> Load(string file)
    {
        var yaml = new YamlStream();
        using var reader = File.OpenText(file);
        yaml.Load(reader);
        return yaml.Documents.Select(d => (YamlMappingNode)d.RootNode);
    }

    private static YamlMappingNode Find(string kind, string name) =>
        Documents.Single(d => S(d, "kind") == kind && S(M(d, "metadata"), "name") == name);

    private static YamlMappingNode M(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[key];

    private static string S(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[key]).Value ?? "";

    private static IList<YamlNode> Seq(YamlMappingNode node, string key) => ((YamlSequenceNode)node.Children[key]).Children;
}
