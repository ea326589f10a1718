package org.liaison.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The settings smallrye-jwt verifies tokens with: a public key (a JWKS or PEM location, such as
 * an OpenID Connect provider's jwks_uri, or the key itself), the issuer, the audience
 * (application.properties gives "liaison"). A run that lacks one would refuse every write with
 * a 401 nobody can fix from outside; LiaisonMain refuses to start instead, naming what to set.
 * Only the embedded default run makes a key of its own when none is set (org.liaison.embedded).
 */
public final class VerificationSettings {

    public static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String KEY = "mp.jwt.verify.publickey";
    public static final String ISSUER = "mp.jwt.verify.issuer";
    public static final String AUDIENCES = "mp.jwt.verify.audiences";
    /** smallrye-jwt's value for "not set" (its default). */
    public static final String UNSET = "NONE";

    private VerificationSettings() {
    }

    /** True when none of the key and issuer settings is set: the embedded default run may then make its own. */
    public static boolean noneSet(Predicate<String> configured) {
        return List.of(KEY_LOCATION, KEY, ISSUER).stream().noneMatch(configured);
    }

    /** The environment variables of the settings missing, empty when tokens can be verified. */
    public static List<String> missing(Predicate<String> configured) {
        List<String> missing = new ArrayList<>();
        if (!configured.test(KEY_LOCATION) && !configured.test(KEY)) {
            missing.add(env(KEY_LOCATION) + " (or " + env(KEY) + ")");
        }
        for (String property : List.of(ISSUER, AUDIENCES)) {
            if (!configured.test(property)) {
                missing.add(env(property));
            }
        }
        return missing;
    }

    /** What LiaisonMain prints before it exits. */
    public static String message(List<String> missing) {
        return "Liaison verifies the bearer tokens that writes need; only a run on its own embedded database (the default\n"
                + "build without a datasource configured) makes a signing key of its own.\n"
                + "Set " + String.join(", ", missing) + " (README: \"Authentication and roles\"), e.g. for Keycloak\n"
                + "  " + env(KEY_LOCATION) + "=https://keycloak.example/realms/liaison/protocol/openid-connect/certs\n"
                + "  " + env(ISSUER) + "=https://keycloak.example/realms/liaison\n"
                + "  " + env(AUDIENCES) + "=liaison   (the default)\n"
                + "or, without an identity provider, the PEM file of your own public key:\n"
                + "  " + env(KEY_LOCATION) + "=/etc/liaison/token-key.pub.pem " + env(ISSUER) + "=https://liaison.example";
    }

    static String env(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
