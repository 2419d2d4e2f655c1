package io.wenzheng.cli;

import java.util.Map;
import picocli.CommandLine;

/**
 * How every {@code ./wenzheng} command runs: one parser (picocli), so {@code --help} works everywhere and options take
 * {@code --name value} and {@code --name=value} alike; a mistake in the arguments is one line naming it, exit 2; a
 * failure while running is one line, exit 1; never a stack trace (those go to the log of whatever failed). It lives in
 * contracts because that is the one plain-Java module on the class path of every command.
 */
public final class Cli {
    /** Mistakes in the arguments or the environment. */
    public static final int USAGE = 2;
    /** The command ran and failed. */
    public static final int FAILED = 1;
    private static final int WIDTH = 120;

    private Cli() {
    }

    /** Runs the command and exits the JVM with its code. */
    public static void exit(Object command, String... args) {
        System.exit(run(command, args));
    }

    public static int run(Object command, String... args) {
        CommandLine line = new CommandLine(command);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setUsageHelpWidth(WIDTH);
        line.setParameterExceptionHandler((mistake, given) -> {
            CommandLine where = mistake.getCommandLine();
            String message = mistake.getMessage();
            if (mistake instanceof CommandLine.UnmatchedArgumentException unmatched && !where.getSubcommands().isEmpty()
                    && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
                message = "unknown command '" + unmatched.getUnmatched().get(0) + "'";
            }
            where.getErr().println(where.getCommandSpec().qualifiedName() + ": " + message);
            where.getErr().println("see '" + where.getCommandSpec().qualifiedName() + " --help'");
            return USAGE;
        });
        line.setExecutionExceptionHandler((failure, where, parsed) -> {
            where.getErr().println(where.getCommandSpec().qualifiedName() + ": " + oneLine(failure));
            return failure instanceof IllegalArgumentException ? USAGE : FAILED;
        });
        return line.execute(args);
    }

    /** The message a person can act on: the innermost cause that says something, on one line. */
    public static String oneLine(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
                if (!(t.getCause() != null && t.getMessage().equals(String.valueOf(t.getCause())))) {
                    break;
                }
            }
        }
        if (message == null) {
            message = failure.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message).strip();
    }

    /** A whole-number setting from the environment, such as WENZHENG_KAFKA_PORT; a bad value names the variable. */
    public static int envInt(String name, int fallback) {
        return envInt(System.getenv(), name, fallback);
    }

    static int envInt(Map<String, String> environment, String name, int fallback) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    /** One {@code --name value} option of a tool whose main reads its settings as text. */
    public record Opt(String name, Class<?> type, String defaultValue, String description) {
        public static Opt of(String name, Class<?> type, String defaultValue, String description) {
            return new Opt(name, type, defaultValue, description);
        }

        public static Opt flag(String name, String description) {
            return new Opt(name, boolean.class, null, description);
        }
    }

    /** What {@link #options} parsed: each option's value as text, its default when not given, null when it has none. */
    public record Options(Map<String, String> values, java.util.List<String> positional) {
        public String get(String name) {
            return values.get(name);
        }

        public boolean has(String name) {
            String v = values.get(name);
            return v != null && !v.equals("false");
        }
    }

    /**
     * The same parser for the tools whose main takes a handful of settings (benchmarks, replays): {@code --help}
     * prints them and exits 0; an unknown option, a missing value or a value of the wrong type is one line, exit 2.
     */
    public static Options options(String command, String description, String[] args, Opt... opts) {
        return options(command, description, null, args, opts);
    }

    /** As {@link #options(String, String, String[], Opt...)}, with positional parameters (files, say) labelled. */
    public static Options options(String command, String description, String positionalLabel, String[] args, Opt... opts) {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(command).mixinStandardHelpOptions(true);
        spec.usageMessage().description(description).width(WIDTH);
        for (Opt o : opts) {
            var option = CommandLine.Model.OptionSpec.builder("--" + o.name()).type(o.type())
                    .description(o.description() + (o.defaultValue() == null ? "" : " (default: ${DEFAULT-VALUE})"));
            if (o.type() == boolean.class) {
                option.arity("0");
            } else {
                option.paramLabel(o.type() == String.class ? "TEXT" : o.type().getSimpleName().toUpperCase(java.util.Locale.ROOT));
                if (o.defaultValue() != null) {
                    option.defaultValue(o.defaultValue());
                }
            }
            spec.addOption(option.build());
        }
        if (positionalLabel != null) {
            spec.addPositional(CommandLine.Model.PositionalParamSpec.builder().paramLabel(positionalLabel).arity("0..*")
                    .type(java.util.List.class).auxiliaryTypes(String.class).build());
        }
        CommandLine line = new CommandLine(spec);
        try {
            CommandLine.ParseResult parsed = line.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                System.exit(0);
            }
            Map<String, String> values = new java.util.LinkedHashMap<>();
            for (Opt o : opts) {
                Object value = spec.findOption("--" + o.name()).getValue();
                values.put(o.name(), value == null ? null : String.valueOf(value));
            }
            java.util.List<String> positional = positionalLabel == null ? null : spec.positionalParameters().get(0).getValue();
            return new Options(values, positional == null ? java.util.List.of() : java.util.List.copyOf(positional));
        } catch (CommandLine.ParameterException mistake) {
            System.err.println(command + ": " + mistake.getMessage());
            System.err.println("see '" + command + " --help'");
            System.exit(USAGE);
            throw mistake;
        }
    }

    /** A tool's body: whatever it throws becomes one line and exit 1 (2 for a bad argument), not a stack trace. */
    public interface Body {
        void run() throws Exception;
    }

    public static void guard(String command, Body body) {
        try {
            body.run();
        } catch (Exception | Error failure) {
            if (failure instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            System.err.println(command + ": " + oneLine(failure));
            System.exit(failure instanceof IllegalArgumentException ? USAGE : FAILED);
        }
    }
}
