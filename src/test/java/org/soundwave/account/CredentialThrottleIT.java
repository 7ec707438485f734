package org.soundwave.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.TestCluster;

/**
 * Sign-ups and sign-ins each cost a password hash, so one client address gets 30 of them a minute (the
 * default), pages and API together, then 429 with Retry-After until the minute ends; another address is
 * not affected. The client is a host of the test network (the database's), asking through the balancer in
 * one shell loop that starts early in a minute, so all of it falls within that minute.
 */
class CredentialThrottleIT {

    private static final int PER_MINUTE = 30;

    @Test
    void oneAddressGetsThirtySignUpsAndSignInsAMinuteThenA429() {
        TestCluster cluster = TestCluster.get();
        String prefix = "ct" + UUID.randomUUID().toString().substring(0, 6);
        String api = cluster.balancerOnHostsNet("/api/auth");
        // One line per request: the minute it was sent in, its status, its Retry-After. Then a page sign-up.
        String script = """
                set -u
                # The count is per minute: start in a minute's first 40 s, so the 31 requests (a few seconds) share it.
                while [ $(( $(date +%%s) %% 60 )) -gt 40 ]; do sleep 0.5; done
                post() { curl -s -o /dev/null -m 20 -D - -H 'Content-Type: application/json' -d "$2" "$1" \\
                    | awk -v m="$(date +%%s)" 'NR == 1 {s = $2} tolower($1) == "retry-after:" {r = $2} END {printf "%%d %%s %%s\\n", m / 60, s, r + 0}'; }
                for i in $(seq 1 %d); do
                    post %s/register "{\\"username\\":\\"%s-$i\\",\\"email\\":\\"%s-$i@example.com\\",\\"password\\":\\"correct horse\\"}"
                done
                post %s/token '{"username":"%s-1","password":"correct horse"}'
                jar=$(mktemp)
                form=$(curl -s -c "$jar" -b "$jar" %s)
                state=$(printf '%%s' "$form" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
                curl -s -o /dev/null -w 'page %%{http_code}\\n' -c "$jar" -b "$jar" -H 'Sec-Fetch-Site: same-origin' \\
                    --data-urlencode signup=signup --data-urlencode "signup:username=%s-page" \\
                    --data-urlencode "signup:email=%s-page@example.com" --data-urlencode "signup:password=correct horse" \\
                    --data-urlencode "signup:submit=Sign up" --data-urlencode "jakarta.faces.ViewState=$state" %s
                rm -f "$jar"
                """.formatted(PER_MINUTE - 1, api, prefix, prefix, api, prefix, cluster.balancerOnHostsNet("/sign-up"), prefix, prefix,
                cluster.balancerOnHostsNet("/sign-up"));
        TestCluster.Result result = cluster.onHost("db", "bash", "-c", script);
        assertEquals(0, result.exitCode(), result.output());
        List<String> lines = result.output().lines().toList();
        List<String> answers = lines.subList(0, PER_MINUTE);
        long minutes = answers.stream().map(l -> l.split(" ")[0]).distinct().count();
        assertEquals(1, minutes, "every request in one minute (else the count restarts)\n" + result.output());
        for (String line : answers.subList(0, PER_MINUTE - 1)) {
            assertEquals("201", line.split(" ")[1], "a sign-up within the bound: " + result.output());
        }
        String[] signIn = answers.get(PER_MINUTE - 1).split(" ");
        assertEquals("200", signIn[1], "the 30th, a sign-in, is the last within the bound: " + result.output());
        assertTrue(lines.get(PER_MINUTE).contains("page 429"), "the 31st, on the sign-up page, is refused: " + result.output());

        String[] over = cluster.onHost("db", "bash", "-c", """
                curl -s -o /dev/null -m 20 -D - -H 'Content-Type: application/json' -d '{"username":"%s-1","password":"correct horse"}' %s/token \\
                    | awk 'NR == 1 {s = $2} tolower($1) == "retry-after:" {r = $2} END {printf "%%s %%s\\n", s, r + 0}'
                """.formatted(prefix, api)).output().strip().split(" ");
        assertEquals("429", over[0], "and so is the API's sign-in");
        int retryAfter = Integer.parseInt(over[1]);
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After until the minute ends: " + retryAfter);
        assertEquals(200, cluster.get(cluster.url("/")).statusCode());
        assertTrue(org.soundwave.platform.Http.token(cluster, prefix + "-1", "correct horse").length() > 20,
                "another address signs the same account in");
    }
}
