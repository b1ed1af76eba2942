vcl 4.1;

# Varnish in front of a Strapi app running strapi-plugin-intelligence-stories: caches the plugin's
# public routes for anonymous readers, passes everything else, and honours the purges the plugin
# sends after each change readers see. For Varnish 7.1 (Debian bookworm's `varnish`) with vmod
# xkey from `varnish-modules`. What it does and how to set the plugin up:
# docs/behind-a-cache.md. test/cache/varnish.test.ts runs this very file.

import std;
import xkey;

# The Strapi server.
backend strapi {
    .host = "127.0.0.1";
    .port = "1337";
}

# Who may purge: the Strapi servers, whose `cache.purge.endpoints` point at this Varnish.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey) {
            return (synth(400, "A purge names its surrogate keys in the xkey header"));
        }
        # A hard purge: a stale copy is never served once its content changed.
        set req.http.n-gone = xkey.purge(req.http.xkey);
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }

    # Only reads of the plugin's public routes are cached. The /api prefix is Strapi's default
    # `api.rest.prefix`: change it here if the app changed it.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url !~ "^/api/intelligence-stories/(stories|source-documents|corrections)([/.?]|$)") {
        return (pass);
    }
    # A signed-in request (an API token, a user's JWT) may see more than the public: never cached,
    # nor is anything carrying a cookie.
    if (req.http.Authorization || req.http.Cookie) {
        return (pass);
    }
    # The same query in another order is the same page.
    set req.url = std.querysort(req.url);
    return (hash);
}

sub vcl_backend_response {
    # Only what the plugin marked cacheable is kept: its public answers, and its 404s, name their
    # surrogate keys; an error, a signed-in answer or any other route's does not. As Varnish's
    # built-in VCL does for uncacheable answers: a hit-for-miss, so the next request asks Strapi.
    if (!beresp.http.xkey) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # The rest is Varnish's built-in VCL: the TTL from s-maxage, grace from
    # stale-while-revalidate, and no storing of what says private, no-store or sets a cookie.
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The keys are for caches; readers need not carry them.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
}
