package io.berth.testing.lab;

import java.util.List;

/** What a command run in a lab namespace did. */
public record ExecResult(List<String> command, int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }

    /** Fails the test with the command's output unless it exited 0; returns stdout. */
    public String orFail() {
        if (exitCode != 0) {
            throw new AssertionError("command failed (exit " + exitCode + "): " + String.join(" ", command)
                    + "\nstdout: " + stdout + "\nstderr: " + stderr);
        }
        return stdout;
    }
}
