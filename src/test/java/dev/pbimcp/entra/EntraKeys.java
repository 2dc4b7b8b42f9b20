package dev.pbimcp.entra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.ArrayList;
import java.util.List;

/**
 * Entra's signing keys as its JWKS publishes them: the current key signs, and after a rotation the
 * previous one stays published (as Entra does) so tokens already issued remain verifiable.
 */
final class EntraKeys {
  private final List<RSAKey> published = new ArrayList<>();
  private int generation;

  EntraKeys() {
    rotate();
  }

  synchronized void rotate() {
    try {
      published.add(0, new RSAKeyGenerator(2048).keyID("entra-key-" + ++generation).generate());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    while (published.size() > 2) {
      published.remove(published.size() - 1);
    }
  }

  synchronized String currentKid() {
    return published.get(0).getKeyID();
  }

  synchronized String jwks() {
    return new JWKSet(published.stream().map(k -> (JWK) k.toPublicJWK()).toList()).toString();
  }

  synchronized String sign(JWTClaimsSet claims) {
    RSAKey key = published.get(0);
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
