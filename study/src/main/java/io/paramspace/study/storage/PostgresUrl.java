package io.paramspace.study.storage;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PostgreSQL storage URL taken apart: the JDBC URL without credentials (what the driver and the
 * pool get), the user and password (from the URL, else the standard {@code PGUSER} and {@code
 * PGPASSWORD} environment variables, else the system user name), and the URL to show in messages,
 * with both masked. Takes the JDBC form {@code jdbc:postgresql://host[:port]/db?user=U&password=P}
 * and SQLAlchemy's (Optuna's) {@code postgresql[+psycopg2]://U:P@host[:port]/db}.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/db?other=params}, no user, no password
 * @param display what messages show: credentials replaced by {@code ***}
 */
record PostgresUrl(String jdbcUrl, String user, String password, String display) {
  static final String MASK = "***";

  @Override
  public String toString() {
    return display;
  }

  static boolean accepts(String url) {
    return url.startsWith("jdbc:postgresql:") || url.startsWith("postgresql:") || url.startsWith("postgres:")
        || url.startsWith("postgresql+");
  }

  static PostgresUrl parse(String url, Map<String, String> env) {
    String rest;
    String userInfo = null;
    if (url.startsWith("jdbc:postgresql://")) {
      rest = url.substring("jdbc:postgresql://".length());
    } else if (url.contains("://") && !url.startsWith("jdbc:")) {
      rest = url.substring(url.indexOf("://") + 3);
      int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
      if (at >= 0) {
        userInfo = rest.substring(0, at);
        rest = rest.substring(at + 1);
      }
    } else {
      throw new StorageException("cannot read the PostgreSQL URL " + maskAll(url)
          + "; write jdbc:postgresql://HOST[:PORT]/DATABASE (user and password in ?user=...&password=...,"
          + " or in PGUSER and PGPASSWORD)");
    }
    String hostAndPath = rest;
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      hostAndPath = rest.substring(0, q);
      query = rest.substring(q + 1);
    }
    if (hostAndPath.isEmpty() || hostAndPath.startsWith("/")) {
      throw new StorageException("the PostgreSQL URL " + maskAll(url) + " names no host; write"
          + " jdbc:postgresql://HOST[:PORT]/DATABASE");
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.put(key, value);
    }
    String user = params.remove("user");
    String password = params.remove("password");
    boolean userInUrl = user != null;
    boolean passwordInUrl = password != null;
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      userInUrl = true;
      if (colon >= 0) {
        password = decode(userInfo.substring(colon + 1));
        passwordInUrl = true;
      }
    }
    if (user == null || user.isEmpty()) {
      user = env.getOrDefault("PGUSER", System.getProperty("user.name"));
    }
    if (password == null) {
      password = env.get("PGPASSWORD");
    }
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hostAndPath);
    StringBuilder display = new StringBuilder("jdbc:postgresql://").append(hostAndPath);
    String sep = "?";
    for (Map.Entry<String, String> e : params.entrySet()) {
      String pair = encode(e.getKey()) + "=" + encode(e.getValue());
      jdbc.append(sep).append(pair);
      display.append(sep).append(pair);
      sep = "&";
    }
    if (userInUrl) {
      display.append(sep).append("user=").append(MASK);
      sep = "&";
    }
    if (passwordInUrl) {
      display.append(sep).append("password=").append(MASK);
    }
    return new PostgresUrl(jdbc.toString(), user, password, display.toString());
  }

  /** {@code message} with the user and password of this URL masked (a driver's error names the user). */
  String scrub(String message) {
    if (message == null) {
      return null;
    }
    String out = message;
    if (password != null && !password.isEmpty()) {
      out = out.replace(password, MASK);
    }
    if (user != null && !user.isEmpty()) {
      out = out.replace("\"" + user + "\"", "\"" + MASK + "\"").replace("user=" + user, "user=" + MASK);
    }
    return out;
  }

  /** A URL that could not be parsed, with anything that looks like a credential masked. */
  static String maskAll(String url) {
    return url.replaceAll("(?i)(password|user)=[^&;]*", "$1=" + MASK).replaceAll("//[^/@]*@", "//" + MASK + "@");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
