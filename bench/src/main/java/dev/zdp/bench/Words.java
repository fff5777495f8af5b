package dev.zdp.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The vocabulary synthetic models are made of, and seeded choices from it. */
final class Words {

  static final List<String> SERVICES =
      List.of(
          "billing",
          "crm",
          "shop",
          "fleet",
          "inventory",
          "payments",
          "ledger",
          "support",
          "identity",
          "catalog",
          "pricing",
          "shipping",
          "returns",
          "loyalty",
          "marketing",
          "payroll",
          "hr",
          "procurement",
          "warehouse",
          "booking",
          "claims",
          "risk",
          "fraud",
          "search",
          "reviews",
          "messaging",
          "scheduling",
          "telemetry",
          "devices",
          "contracts");

  static final List<String> DATASETS =
      List.of(
          "customers",
          "accounts",
          "orders",
          "order_lines",
          "invoices",
          "payments",
          "refunds",
          "products",
          "prices",
          "stock_levels",
          "shipments",
          "deliveries",
          "addresses",
          "contacts",
          "employees",
          "departments",
          "tickets",
          "comments",
          "sessions",
          "events",
          "subscriptions",
          "plans",
          "coupons",
          "carts",
          "suppliers",
          "purchase_orders",
          "vehicles",
          "routes",
          "bookings",
          "claims",
          "policies",
          "devices",
          "readings",
          "messages",
          "contracts",
          "reviews",
          "ratings",
          "transfers",
          "balances",
          "limits");

  static final List<String> COLUMNS =
      List.of(
          "customer_id",
          "account_id",
          "order_id",
          "product_id",
          "status",
          "amount",
          "currency",
          "quantity",
          "unit_price",
          "total",
          "email",
          "phone",
          "full_name",
          "country_code",
          "city",
          "postal_code",
          "created_at",
          "updated_at",
          "deleted_at",
          "valid_from",
          "valid_to",
          "is_active",
          "is_default",
          "score",
          "weight",
          "notes",
          "payload",
          "external_ref",
          "channel",
          "category",
          "priority",
          "version",
          "checksum",
          "region",
          "tax_rate",
          "discount",
          "birth_date",
          "due_date",
          "source",
          "reference");

  static final List<String> TYPES =
      List.of(
          "boolean",
          "smallint",
          "integer",
          "bigint",
          "real",
          "double",
          "decimal(12,2)",
          "decimal(38,10)",
          "char(2)",
          "char(3)",
          "varchar(50)",
          "varchar(320)",
          "text",
          "date",
          "timestamp",
          "timestamptz",
          "bytea",
          "uuid",
          "json");

  static final List<String> PURPOSES =
      List.of(
          "churn",
          "revenue",
          "forecast",
          "audit",
          "fraud_scoring",
          "recommendations",
          "finance_reporting",
          "ops_dashboard",
          "marketing_mix",
          "supply_planning",
          "customer_360",
          "compliance",
          "pricing_model",
          "capacity",
          "quality");

  private Words() {}

  static String pick(List<String> words, Random random) {
    return words.get(random.nextInt(words.size()));
  }

  /**
   * {@code count} different words in a seeded order; past the vocabulary's size the words repeat
   * with a numeric suffix ({@code orders_2}).
   */
  static List<String> distinct(List<String> words, int count, Random random) {
    List<String> shuffled = new ArrayList<>(words);
    Collections.shuffle(shuffled, random);
    List<String> chosen = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String word = shuffled.get(i % shuffled.size());
      int round = i / shuffled.size();
      chosen.add(round == 0 ? word : word + "_" + (round + 1));
    }
    return List.copyOf(chosen);
  }
}
