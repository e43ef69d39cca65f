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
            ["Deployment/tradingalerts-alert-engine", "Deployment/tradingalerts-silo", "Ingress/tradingalerts-api", "Job/tradingalerts-schema", "Namespace/tradingalerts", "NetworkPolicy/tradingalerts-silo",
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
        var container = (YamlMappingNode)Seq(pod, "containers").Single();
        // Drain before stop: the drain outlasts the readiness probe's detection, and the grace period the drain plus Orleans' stop.
        var env = Seq(container, "env").Cast<YamlMappingNode>().Where(e => e.Children.ContainsKey("value")).ToDictionary(e => S(e, "name"), e => S(e, "value"));
        var drain = TimeSpan.Parse(env["Drain__Delay"], System.Globalization.CultureInfo.InvariantCulture);
        var orleans = TimeSpan.Parse(env["Orleans__ShutdownTimeout"], System.Globalization.CultureInfo.InvariantCulture);
        var readiness = M(container, "readinessProbe");
        var detection = TimeSpan.FromSeconds(int.Parse(S(readiness, "periodSeconds"), System.Globalization.CultureInfo.InvariantCulture)
            * int.Parse(S(readiness, "failureThreshold"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(drain > detection, $"Drain__Delay {drain} must outlast the readiness probe's {detection}");
        var grace = TimeSpan.FromSeconds(int.Parse(S(pod, "terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(grace > drain + orleans, $"grace period {grace} must exceed Drain__Delay + Orleans__ShutdownTimeout ({drain + orleans})");

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

    [Fact]
    public void Network_policy_admits_only_silos_alert_engines_and_agent_hosts_to_the_orleans_ports()
    {
        var silo = Find("Deployment", "tradingalerts-silo");
        var siloLabels = M(M(M(M(silo, "spec"), "template"), "metadata"), "labels");
        var engineLabels = M(M(M(M(Find("Deployment", "tradingalerts-alert-engine"), "spec"), "template"), "metadata"), "labels");
        var container = (YamlMappingNode)Seq(M(M(M(silo, "spec"), "template"), "spec"), "containers").Single();
        var ports = Seq(container, "ports").Cast<YamlMappingNode>().ToDictionary(p => S(p, "name"), p => S(p, "containerPort"));
        Assert.Equal(("11111", "30000"), (ports["silo"], ports["gateway"]));

        var policy = M(Find("NetworkPolicy", "tradingalerts-silo"), "spec");
        Assert.All(M(M(policy, "podSelector"), "matchLabels").Children, l => Assert.Equal(l.Value.ToString(), siloLabels.Children[l.Key].ToString()));
        Assert.Equal(["Ingress"], Seq(policy, "policyTypes").Select(n => ((YamlScalarNode)n).Value));

        // Who may open each port: the sources of every rule naming it (no "from" = anyone).
        var rules = Seq(policy, "ingress").Cast<YamlMappingNode>().ToList();
        List<YamlMappingNode>? Sources(string port)
        {
            var admitting = rules.Where(r => Seq(r, "ports").Cast<YamlMappingNode>().Any(p => S(p, "port") == port)).ToList();
            return admitting.Any(r => !r.Children.ContainsKey("from")) ? null : [.. admitting.SelectMany(r => Seq(r, "from").Cast<YamlMappingNode>())];
        }

        bool Selects(YamlMappingNode source, YamlMappingNode podLabels) =>
            source.Children.ContainsKey("podSelector") && !source.Children.ContainsKey("namespaceSelector")
            && M(M(source, "podSelector"), "matchLabels").Children.All(l => podLabels.Children.TryGetValue(l.Key, out var v) && v.ToString() == l.Value.ToString());

        Assert.Null(Sources("http")); // the API is public
        var siloPort = Assert.Single(Sources("silo")!);
        Assert.True(Selects(siloPort, siloLabels), "silos reach each other's silo port");
        var gateway = Sources("gateway")!;
        Assert.Equal(2, gateway.Count);
        Assert.Contains(gateway, s => Selects(s, engineLabels));
        Assert.Contains(gateway, s => s.Children.ContainsKey("ipBlock")); // the agents' hosts outside the cluster
        Assert.DoesNotContain(gateway.Concat([siloPort]), s => s.Children.ContainsKey("namespaceSelector"));
        Assert.All(Sources("admin")!, s => Assert.Equal("true", S(M(M(s, "podSelector"), "matchLabels"), "tradingalerts/admin-access")));
    }

    [Fact]
    public void Silos_and_alert_engines_use_orleans_mutual_tls_from_their_own_secret()
    {
        foreach (var (name, secret) in new[] { ("tradingalerts-silo", "tradingalerts-silo-tls"), ("tradingalerts-alert-engine", "tradingalerts-alert-engine-tls") })
        {
            var pod = M(M(M(Find("Deployment", name), "spec"), "template"), "spec");
            var container = (YamlMappingNode)Seq(pod, "containers").Single();
            var env = Seq(container, "env").Cast<YamlMappingNode>().Where(e => e.Children.ContainsKey("value")).ToDictionary(e => S(e, "name"), e => S(e, "value"));
            Assert.Equal("true", env["Orleans__Tls__Enabled"]);
            var mount = S((YamlMappingNode)Seq(container, "volumeMounts").Single(m => S((YamlMappingNode)m, "name") == "orleans-tls"), "mountPath");
            Assert.All(new[] { "Orleans__Tls__CaPath", "Orleans__Tls__CertificatePath", "Orleans__Tls__KeyPath" },
                key => Assert.StartsWith(mount + "/", env[key], StringComparison.Ordinal));
            var volume = (YamlMappingNode)Seq(pod, "volumes").Single(v => S((YamlMappingNode)v, "name") == "orleans-tls");
            Assert.Equal(secret, S(M(volume, "secret"), "secretName"));
        }
    }

    [Fact]
    public void The_ingress_terminates_tls_for_its_hosts_and_forwards_to_the_api_service_without_buffering()
    {
        var spec = M(Find("Ingress", "tradingalerts-api"), "spec");
        var tls = (YamlMappingNode)Seq(spec, "tls").Single();
        Assert.Equal("tradingalerts-api-tls", S(tls, "secretName"));
        var rule = (YamlMappingNode)Seq(spec, "rules").Single();
        Assert.Contains(S(rule, "host"), Seq(tls, "hosts").Select(h => ((YamlScalarNode)h).Value));

        // The backend is the Service's named port, which leads to the silos' API port.
        var backend = M(M((YamlMappingNode)Seq(M(rule, "http"), "paths").Single(), "backend"), "service");
        var service = M(Find("Service", S(backend, "name")), "spec");
        var port = S(M(backend, "port"), "name");
        Assert.Equal("http", S(Seq(service, "ports").Cast<YamlMappingNode>().Single(p => S(p, "name") == port), "targetPort"));

        var annotations = M(M(Find("Ingress", "tradingalerts-api"), "metadata"), "annotations");
        Assert.Equal("off", S(annotations, "nginx.ingress.kubernetes.io/proxy-buffering"));
        Assert.True(int.Parse(S(annotations, "nginx.ingress.kubernetes.io/proxy-read-timeout"), System.Globalization.CultureInfo.InvariantCulture) > 15, "SSE heartbeats come every 15 s");
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
