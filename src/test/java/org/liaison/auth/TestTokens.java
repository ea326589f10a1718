package org.liaison.auth;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Real signed tokens for the tests: an RSA key of the test JVM's own, made once and kept in
 * system properties (a {@code @QuarkusTest}'s resources and its test class may be loaded by
 * different class loaders; both must sign and verify with the same key). The service is given
 * its public half ({@link #settings()} inline, or as a JWKS document, {@link #jwks()}).
 */
public final class TestTokens {

    /** An issuer as Keycloak names it: its realm's URL. */
    public static final String ISSUER = "https://idp.liaison.test/realms/liaison-test";
    public static final String AUDIENCE = "liaison";
    public static final String KEY_ID = "liaison-test-key";
    static final String PRIVATE = "org.liaison.test.signing-key";
    static final String PUBLIC = "org.liaison.test.verification-key";

    private TestTokens() {
    }

    /** The key pair of this JVM's tests. */
    public static synchronized KeyPair keys() {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (System.getProperty(PRIVATE) == null) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                System.setProperty(PRIVATE, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                System.setProperty(PUBLIC, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            }
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(PRIVATE))));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(PUBLIC))));
            return new KeyPair(publicKey, privateKey);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another key: what an attacker or a second identity provider signs with. */
    public static KeyPair otherKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a valid token for {@code subject} with these groups, to adjust before {@link #sign}. */
    public static JwtClaimsBuilder claims(String subject, String... groups) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(Set.of(groups)).expiresIn(Duration.ofHours(2));
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(KEY_ID).sign(keys().getPrivate());
    }

    public static String token(String subject, String... groups) {
        return sign(claims(subject, groups));
    }

    /** What the tests send by default (TestDatabase, ItDatabase): every write allowed. */
    public static String admin() {
        return token("test-admin", Role.ADMIN);
    }

    /** The service's verification settings, with the key inline. */
    public static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put(VerificationSettings.KEY, System.getProperty(PUBLIC, Base64.getEncoder().encodeToString(keys().getPublic().getEncoded())));
        settings.put(VerificationSettings.ISSUER, ISSUER);
        return settings;
    }

    /**
     * The key as an identity provider publishes it (Keycloak's .../protocol/openid-connect/certs):
     * a JWKS with the signing key under its kid, beside an encryption key of the same realm.
     */
    public static String jwks() {
        try {
            RsaJsonWebKey signing = (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(keys().getPublic());
            signing.setKeyId(KEY_ID);
            signing.setUse("sig");
            signing.setAlgorithm("RS256");
            RsaJsonWebKey encryption = new RsaJsonWebKey((RSAPublicKey) otherKeys().getPublic());
            encryption.setKeyId("liaison-test-enc");
            encryption.setUse("enc");
            encryption.setAlgorithm("RSA-OAEP");
            return new JsonWebKeySet(List.of(encryption, signing)).toJson();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
