package io.protohive.kernel.file.storage;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in a bucket of an S3-compatible store. An object is written in one request, so readers
 * see it whole or not at all; reads fetch ranges through {@link S3ReadChannel}.
 */
public final class S3FileStore implements FileStore, AutoCloseable {

  public static final String NAME = "s3";

  /** What one ranged request reads ahead: one segment of the streaming encryption. */
  static final int READ_AHEAD = 1 << 20;

  private final S3Client client;
  private final String bucket;

  /**
   * Uses the bucket, creating it when it does not exist; the store closes the client.
   *
   * @throws IllegalStateException when the bucket can be neither reached nor created
   */
  public S3FileStore(S3Client client, String bucket) {
    this.client = client;
    this.bucket = bucket;
    createBucketIfMissing();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void write(String key, Path source) throws IOException {
    StorageKeys.check(key);
    try {
      client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(source));
    } catch (SdkException e) {
      throw failed("write", key, e);
    }
  }

  @Override
  public SeekableByteChannel open(String key) throws IOException {
    return new S3ReadChannel(client, bucket, key, size(key), READ_AHEAD);
  }

  @Override
  public long size(String key) throws IOException {
    return head(key).contentLength();
  }

  @Override
  public void delete(String key) throws IOException {
    StorageKeys.check(key);
    try {
      client.deleteObject(request -> request.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw failed("delete", key, e);
    }
  }

  @Override
  public boolean exists(String key) throws IOException {
    try {
      head(key);
      return true;
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private HeadObjectResponse head(String key) throws IOException {
    StorageKeys.check(key);
    try {
      return client.headObject(request -> request.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(key);
    } catch (S3Exception e) {
      // a HEAD answer has no body, so some stores' "not found" arrives without its error code
      if (e.statusCode() == 404) {
        throw new NoSuchFileException(key);
      }
      throw failed("read", key, e);
    } catch (SdkException e) {
      throw failed("read", key, e);
    }
  }

  private void createBucketIfMissing() {
    if (bucketExists()) {
      return;
    }
    try {
      client.createBucket(request -> request.bucket(bucket));
    } catch (BucketAlreadyOwnedByYouException createdMeanwhile) {
      // another node created it first
    } catch (SdkException e) {
      throw new IllegalStateException("cannot create the bucket " + bucket, e);
    }
  }

  private boolean bucketExists() {
    try {
      client.headBucket(request -> request.bucket(bucket));
      return true;
    } catch (NoSuchBucketException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw new IllegalStateException("cannot reach the bucket " + bucket, e);
    } catch (SdkException e) {
      throw new IllegalStateException("cannot reach the bucket " + bucket, e);
    }
  }

  private IOException failed(String action, String key, SdkException e) {
    return new IOException("cannot " + action + " " + key + " in bucket " + bucket, e);
  }
}
