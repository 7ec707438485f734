package org.soundwave.account;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;

/**
 * Issues the API's RS256 tokens: an access token (audience soundwave-api, minutes) that MicroProfile
 * JWT verifies on every node, and a refresh token (audience soundwave-refresh, days) that only
 * /api/auth/refresh accepts, once ({@link RefreshFamilies}). Both carry the user's token version, so
 * bumping it revokes them all.
 */
@ApplicationScoped
public class TokenService {

    static final String ISSUER = "soundwave";
    static final String ACCESS_AUDIENCE = "soundwave-api";
    static final String REFRESH_AUDIENCE = "soundwave-refresh";
    /** The claim carrying the account's token version (see AuthService#revokeTokens). */
    public static final String TOKEN_VERSION = "tv";

    @Inject
    Config config;

    private volatile RSAPrivateKey privateKey;
    private volatile RSAPublicKey publicKey;

    /** The claim naming a refresh token's family (see {@link RefreshFamilies}). */
    static final String FAMILY = "fam";

    /** What a verified refresh token says. */
    record RefreshClaims(long userId, int tokenVersion, UUID family, UUID jti) {
    }

    /** How long a sign-in's refresh tokens live. */
    Duration refreshTtl() {
        return config.getValue("soundwave.jwt.refresh-ttl", Duration.class);
    }

    /** An access token and the family's next refresh token ({@code link}'s token id). */
    public TokenPair issue(User user, RefreshFamilies.Link link) {
        Instant now = Instant.now();
        Duration accessTtl = config.getValue("soundwave.jwt.access-ttl", Duration.class);
        JWTClaimsSet refresh = new JWTClaimsSet.Builder(claims(user, REFRESH_AUDIENCE, now, refreshTtl()))
                .jwtID(link.jti().toString())
                .claim(FAMILY, link.family().toString())
                .build();
        return new TokenPair(
                sign(claims(user, ACCESS_AUDIENCE, now, accessTtl)),
                sign(refresh),
                "Bearer",
                accessTtl.toSeconds());
    }

    /** The claims of a genuine, unexpired refresh token; empty for anything else. */
    Optional<RefreshClaims> verifyRefresh(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new RSASSAVerifier(publicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean valid = ISSUER.equals(claims.getIssuer())
                    && claims.getAudience().equals(List.of(REFRESH_AUDIENCE))
                    && claims.getExpirationTime() != null
                    && claims.getExpirationTime().toInstant().isAfter(Instant.now())
                    && claims.getSubject() != null
                    && claims.getIntegerClaim(TOKEN_VERSION) != null
                    && claims.getStringClaim(FAMILY) != null
                    && claims.getJWTID() != null;
            return valid
                    ? Optional.of(new RefreshClaims(Long.parseLong(claims.getSubject()), claims.getIntegerClaim(TOKEN_VERSION),
                            UUID.fromString(claims.getStringClaim(FAMILY)), UUID.fromString(claims.getJWTID())))
                    : Optional.empty();
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static JWTClaimsSet claims(User user, String audience, Instant now, Duration ttl) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject(String.valueOf(user.id()))
                .claim("upn", user.username())
                .claim("groups", List.of(user.role().group()))
                .claim(TOKEN_VERSION, user.tokenVersion())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(privateKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private RSAPrivateKey privateKey() {
        if (privateKey == null) {
            Path file = Path.of(config.getValue("soundwave.jwt.private-key.location", String.class));
            privateKey = (RSAPrivateKey) readKey(file, true);
        }
        return privateKey;
    }

    private RSAPublicKey publicKey() {
        if (publicKey == null) {
            String location = config.getValue("mp.jwt.verify.publickey.location", String.class);
            Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            publicKey = (RSAPublicKey) readKey(file, false);
        }
        return publicKey;
    }

    private static java.security.Key readKey(Path pem, boolean isPrivate) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", ""));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return isPrivate ? rsa.generatePrivate(new PKCS8EncodedKeySpec(der)) : rsa.generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JWT key " + pem, e);
        }
    }
}
