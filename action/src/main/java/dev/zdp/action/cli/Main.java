package dev.zdp.action.cli;

public final class Main {
  public static void main(String[] args) {}
}
