package dev.greenlight.cli;

/** Placeholder entry point; replaced by the picocli command tree. */
public final class GreenlightCli {
    private GreenlightCli() {
    }

    public static void main(String[] args) {
        System.out.println("greenlight");
    }
}
