package dev.prharness.model;

import dev.prharness.config.BotSettings;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Estimated cost of a call from its tokens, by model name (exact, else the longest listed prefix). Prompt tokens the
 * provider served from its cache are priced at the cached-input rate (the input rate when none is listed).
 */
public final class PriceTable {

    private final Map<String, BotSettings.Price> prices;

    public PriceTable(Map<String, BotSettings.Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    public double costUsd(String model, long promptTokens, long cachedTokens, long completionTokens) {
        long cached = Math.min(Math.max(cachedTokens, 0), promptTokens);
        return priceOf(model)
                .map(p -> ((promptTokens - cached) * p.input() + cached * (p.cachedInput() == null ? p.input() : p.cachedInput())
                        + completionTokens * p.output()) / 1_000_000.0)
                .orElse(0.0);
    }

    private Optional<BotSettings.Price> priceOf(String model) {
        if (model == null) {
            return Optional.empty();
        }
        BotSettings.Price exact = prices.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        return prices.keySet().stream()
                .filter(model::startsWith)
                .max(Comparator.comparingInt(String::length))
                .map(prices::get);
    }

    /** $5.00, $0.50, $0.004: cents, or as many places as a smaller amount needs. */
    public static String usd(double amount) {
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(amount).stripTrailingZeros();
        return "$" + (exact.scale() <= 2 ? exact.setScale(2, java.math.RoundingMode.UNNECESSARY) : exact).toPlainString();
    }
}
