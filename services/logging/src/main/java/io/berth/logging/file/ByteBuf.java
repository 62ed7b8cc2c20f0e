package io.berth.logging.file;

import java.util.Arrays;

/** A growable byte array that encoders append to; reused between messages so a line costs no allocation. */
public final class ByteBuf {
  private byte[] data;
  private int size;

  public ByteBuf(int capacity) {
    data = new byte[capacity];
  }

  public byte[] array() { return data; }
  public int size() { return size; }
  public void clear() { size = 0; }
  public void setSize(int n) { size = n; }

  /** Makes room for {@code n} more bytes and returns the write position. */
  public int reserve(int n) {
    if (size + n > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, size + n));
    return size;
  }

  public void put(int b) {
    reserve(1);
    data[size++] = (byte) b;
  }

  public void put(byte[] b) {
    put(b, 0, b.length);
  }

  public void put(byte[] b, int off, int len) {
    reserve(len);
    System.arraycopy(b, off, data, size, len);
    size += len;
  }

  public void putAscii(String s) {
    int n = s.length();
    reserve(n);
    for (int i = 0; i < n; i++) data[size++] = (byte) s.charAt(i);
  }

  public void putInt(int v) {
    reserve(4);
    data[size++] = (byte) (v >>> 24);
    data[size++] = (byte) (v >>> 16);
    data[size++] = (byte) (v >>> 8);
    data[size++] = (byte) v;
  }

  public void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }

  public byte[] toArray() {
    return Arrays.copyOf(data, size);
  }
}
