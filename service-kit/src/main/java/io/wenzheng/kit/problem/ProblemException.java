package io.wenzheng.kit.problem;

/** Thrown by a resource to answer with a specific problem document. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(String.valueOf(problem.body().get("detail")));
        this.problem = problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "Not found", what + " does not exist"));
    }

    public static ProblemException forbidden(String why) {
        return new ProblemException(Problem.of(403, "Forbidden", why));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(field, message));
    }

    public Problem problem() {
        return problem;
    }
}
