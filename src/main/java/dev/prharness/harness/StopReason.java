package dev.prharness.harness;

/** Why a run ended. Only the first two are the model finishing on its own. */
public enum StopReason {
    SUBMITTED("the model submitted its review"),
    FINAL_ANSWER("the model answered without calling a tool"),
    MAX_TURNS("stopped at the turn limit"),
    TOKEN_BUDGET("stopped at the token budget"),
    COST_BUDGET("stopped at the cost budget"),
    DEADLINE("stopped at the time limit");

    private final String description;

    StopReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean byLimit() {
        return this != SUBMITTED && this != FINAL_ANSWER;
    }
}
