package io.protohive.kernel.file.storage;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * How to reach an S3-compatible object store: its address, addressed path-style since most
 * self-hosted stores (MinIO, Ceph, Garage) serve buckets as paths, not host names.
 */
public record S3Settings(
    String endpoint, String region, String bucket, String accessKey, String secretKey) {

  @Override
  public String toString() {
    return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + "]";
  }

  /** Connects to the store and creates the bucket if it does not exist. */
  public S3FileStore connect() {
    S3Client client = clientBuilder().build();
    try {
      return new S3FileStore(client, bucket);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  S3ClientBuilder clientBuilder() {
    return S3Client.builder()
        .endpointOverride(URI.create(endpoint))
        .forcePathStyle(true)
        .region(Region.of(region))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        // checksums only where S3 requires them: not every compatible store checks the others
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
  }
}
