package dev.peregrine.backtest.report;

import dev.peregrine.backtest.research.optimiser.RunStore;
import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Regenerates the walk-forward results page from stored runs ({@code <runId>.json}, as {@code RunStore} writes
 * them), or compares several: {@code ./backtest.sh results [--out FILE] RUN.json [RUN.json ...]}. Without
 * {@code --out} one run's page goes next to its JSON as {@code <runId>.html}, several runs' as
 * {@code comparison.html} next to the first. Exit codes as the backtest's: 0 done, 2 a mistake in what was asked
 * (one line on stderr), 1 a failure.
 */
public final class WalkForwardResultsMain {

    static final String USAGE = """
            usage: ./backtest.sh results [--out FILE] RUN.json [RUN.json ...]
              Writes the walk-forward results page (per fold: chosen parameters, in- vs out-of-sample score,
              PBO, deflated Sharpe; the parameter surface; a comparison table when several runs are given)
              from runs stored by ./backtest.sh walk-forward.
              --out FILE  the page to write (default: <runId>.html next to a single run's JSON,
                          comparison.html next to the first JSON when several are given)
              --help      this text
            exit codes: 0 done, 2 a mistake in what was asked, 1 a failure""";

    private WalkForwardResultsMain() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Path page;
        List<WalkForwardRun> runs;
        try {
            if (args.contains("--help") || args.contains("-h")) {
                out.println(USAGE);
                return 0;
            }
            Path outFile = null;
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("--out")) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("--out needs a file");
                    }
                    outFile = Path.of(args.get(++i));
                } else if (args.get(i).startsWith("--")) {
                    throw new IllegalArgumentException("unknown option " + args.get(i) + " (--help lists them)");
                } else {
                    files.add(Path.of(args.get(i)));
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("name at least one stored run (RUN.json); --help shows how");
            }
            runs = files.stream().map(WalkForwardResultsMain::read).toList();
            page = outFile != null ? outFile : defaultPage(files.getFirst(), runs);
        } catch (IllegalArgumentException e) {
            err.println("results: " + e.getMessage());
            return 2;
        }
        try {
            WalkForwardPage.write(runs, page);
        } catch (RuntimeException e) {
            err.println("results: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
        out.println("results: " + runs.size() + " run(s) written to " + page);
        return 0;
    }

    /** The page WalkForwardMain writes beside a run's JSON. */
    public static Path pageBeside(Path runJson, String runId) {
        return runJson.toAbsolutePath().resolveSibling(runId + ".html");
    }

    private static Path defaultPage(Path first, List<WalkForwardRun> runs) {
        return runs.size() == 1
                ? pageBeside(first, runs.getFirst().runId())
                : first.toAbsolutePath().resolveSibling("comparison.html");
    }

    private static WalkForwardRun read(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".json") || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("not a stored run's JSON file: " + file);
        }
        try {
            return new RunStore(file.toAbsolutePath().getParent()).read(name.substring(0, name.length() - 5));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("cannot read " + file + " as a walk-forward run: "
                    + String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
        }
    }
}
