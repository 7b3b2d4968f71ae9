package io.paramspace.runtime.view;

import io.paramspace.runtime.ConfigSpace;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable SHA-256 of a space, so a study or a manifest can record exactly which space it searched.
 * It hashes the canonical tree ({@link SpaceTree}, whose numbers are written the same on every
 * JVM) after a version line: any narrowing changes the tree, and so the hash.
 */
public final class SpaceHash {
  private static final String VERSION = "paramspace-space-hash-v1\n";

  private SpaceHash() {}

  public static String of(ConfigSpace<?> space) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha256.digest((VERSION + SpaceTree.render(space)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
