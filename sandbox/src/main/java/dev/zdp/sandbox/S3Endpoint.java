package dev.zdp.sandbox;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach the sandbox's S3-compatible store (path-style addressing).
 *
 * @param endpoint the store's HTTP endpoint
 * @param accessKeyId the access key
 * @param secretAccessKey the secret key
 * @param region the region clients must name (any value works)
 * @param bucket the bucket the warehouse lives in; it exists from the start
 */
public record S3Endpoint(
    URI endpoint, String accessKeyId, String secretAccessKey, String region, String bucket) {
  public S3Endpoint {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(bucket, "bucket");
  }

  /** The warehouse location for Iceberg: {@code s3://<bucket>/}. */
  public String warehouse() {
    return "s3://" + bucket + "/";
  }
}
