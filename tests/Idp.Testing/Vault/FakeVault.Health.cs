using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.Vault;

// sys/health: unauthenticated, answered even while sealed, with Vault's status-code matrix and its query overrides.
public sealed partial class FakeVault
{
    private FakeAnswer Health(HttpRequest request)
    {
        var query = request.Query;
        int Code(string name, int fallback) => int.TryParse(query[name].FirstOrDefault(), CultureInfo.InvariantCulture, out var code) ? code : fallback;
        bool Flag(string name) => query.ContainsKey(name) && query[name].FirstOrDefault() is null or "" or "true";

        var status = !Initialized ? Code("uninitcode", 501)
            : Sealed ? Code("sealedcode", 503)
            : PerformanceStandby && !Flag("perfstandbyok") ? Code("performancestandbycode", 473)
            : Standby && !Flag("standbyok") ? Code("standbycode", 429)
            : Code("activecode", 200);
        return new FakeAnswer(status, new Dictionary<string, object?>
        {
            ["initialized"] = Initialized,
            ["sealed"] = Sealed,
            ["standby"] = Standby || PerformanceStandby,
            ["performance_standby"] = PerformanceStandby,
            ["replication_performance_mode"] = "disabled",
            ["replication_dr_mode"] = "disabled",
            ["server_time_utc"] = _time.GetUtcNow().ToUnixTimeSeconds(),
            ["version"] = "1.15.2",
            ["cluster_name"] = "vault-cluster-fake",
            ["cluster_id"] = "00000000-0000-0000-0000-000000000000",
        });
    }
}
