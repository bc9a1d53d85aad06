package sample;

/** A value with equals but no hashCode, for the training run. */
public class Item {
    private final String name;

    public Item(String name) {
        this.name = name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Item item && item.name.equals(name);
    }
}
