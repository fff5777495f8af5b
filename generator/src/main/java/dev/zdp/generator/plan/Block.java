package dev.zdp.generator.plan;

import java.util.Set;
import java.util.SortedMap;

/**
 * One resource or variable of a rendered Terraform root module, read back: the file it is in, its
 * type ({@code kafka_topic}, {@code variable}), its flattened attributes ({@code name}, {@code
 * config["slot.name"]}) and which of them hold secrets.
 */
public record Block(
    String file, String type, SortedMap<String, String> attributes, Set<String> sensitive) {}
