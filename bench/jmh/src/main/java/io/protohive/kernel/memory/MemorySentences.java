package io.protohive.kernel.memory;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Distinct sentences of about 20 words, such as an agent keeps from its conversations, and
 * questions an agent asks its memory. Each sentence combines a person or team, an action, a
 * subject, a time and a reason: enough combinations (about 22 million) that none repeats, with
 * shared words and topics so that many memories are near each other, as in a real agent's memory.
 * Seeded, so every run loads the same memories.
 */
public final class MemorySentences {

  private static final List<String> WHO =
      List.of(
          "Our biggest customer in Porto",
          "Maria from the finance team",
          "The marketing department",
          "The support lead in Lisbon",
          "Our cloud provider's account manager",
          "The new hire in engineering",
          "The legal counsel",
          "The head of sales",
          "A partner agency in Berlin",
          "The security auditor",
          "The product owner of the mobile app",
          "Our logistics supplier",
          "The chief executive",
          "The data science team",
          "A reseller in Madrid",
          "The office manager",
          "The design studio we hired",
          "The operations team on call",
          "An investor from the last round",
          "The training coordinator",
          "The customer success manager",
          "The procurement office",
          "Our payment processor",
          "The recruiting agency",
          "The board secretary",
          "A journalist from a trade magazine",
          "The facilities contractor",
          "The quality assurance team",
          "The regional director for Asia",
          "Our accountant");

  private static final List<String> ACTION =
      List.of(
          "asked us to postpone",
          "complained about",
          "approved the budget for",
          "wants a new quote for",
          "reported a serious problem with",
          "offered to help with",
          "needs more time to review",
          "signed the contract for",
          "asked for a summary of",
          "cancelled the meeting about",
          "is worried about the cost of",
          "suggested a cheaper option for",
          "promised to send the figures for",
          "rejected the proposal for",
          "requested a demo of",
          "praised the team for",
          "asked who is responsible for",
          "wants weekly updates on",
          "found a mistake in",
          "agreed to share the risk of",
          "escalated a question about",
          "will present the results of",
          "asked to be removed from",
          "expects a refund for",
          "is leading the negotiation on",
          "wants to renegotiate",
          "needs a signature on",
          "asked us to translate",
          "raised a concern about",
          "wants to expand");

  private static final List<String> SUBJECT =
      List.of(
          "the quarterly budget review",
          "the mobile app release",
          "the invoice for our cloud hosting",
          "the annual maintenance contract",
          "the database migration project",
          "the company offsite in the mountains",
          "the new pricing page",
          "the data protection assessment",
          "the onboarding programme for new staff",
          "the warehouse inventory system",
          "the customer satisfaction survey",
          "the office lease renewal",
          "the marketing campaign for spring",
          "the integration with the payment gateway",
          "the recruitment of two engineers",
          "the travel expenses policy",
          "the penetration test report",
          "the supplier audit in Poland",
          "the translation of the user manual",
          "the server outage last weekend",
          "the loyalty programme for retailers",
          "the upgrade of the laptops",
          "the tax filing for the subsidiary",
          "the partnership with the university",
          "the redesign of the dashboard",
          "the shipping delays to Brazil",
          "the annual report",
          "the support ticket backlog",
          "the insurance policy for the fleet",
          "the launch event in London",
          "the employee stock options",
          "the energy bill of the data centre",
          "the accessibility review of the website",
          "the machine learning pilot",
          "the legal dispute with the former landlord",
          "the conference sponsorship",
          "the backup and recovery plan",
          "the holiday rota for December",
          "the vendor security questionnaire",
          "the price increase for enterprise plans");

  private static final List<String> WHEN =
      List.of(
          "before the end of March",
          "next Tuesday morning",
          "by Friday afternoon",
          "before the board meeting",
          "after the summer holidays",
          "within two weeks",
          "before the next release",
          "by the end of the quarter",
          "first thing on Monday",
          "before the audit starts",
          "during the next sprint",
          "before the contract expires",
          "by the end of the month",
          "after the budget is approved",
          "in the first week of June",
          "before Christmas",
          "as soon as possible",
          "before the price change",
          "by tomorrow evening",
          "before the customer visit",
          "in the autumn",
          "before the trade fair",
          "by the fifteenth",
          "once the lawyers have replied",
          "before the team grows");

  private static final List<String> WHY =
      List.of(
          "because the legal team has not signed off yet",
          "and expects an answer by email",
          "since the figures from last year were wrong",
          "because two other customers asked for the same",
          "and wants the finance director in copy",
          "because the supplier raised its prices",
          "and prefers a phone call to a meeting",
          "since the deadline cannot move",
          "because the previous attempt failed",
          "and asked us to keep it confidential",
          "because the numbers do not add up",
          "and will decide after seeing a prototype",
          "since the regulator asked for it",
          "because half of the team is on leave",
          "and wants it in writing",
          "because the competition already offers it",
          "and needs the documents in Portuguese",
          "since the servers are almost full",
          "because the customer threatened to leave",
          "and is happy to pay extra for speed",
          "because nobody owns it at the moment",
          "and will share the costs with us",
          "since the old system is no longer supported",
          "because the contract requires it",
          "and wants a single point of contact");

  private static final List<String> QUESTION =
      List.of(
          "What did %s say about %s?",
          "Is there a deadline for %2$s?",
          "Who at %1$s is involved in %2$s?",
          "Why is %1$s unhappy with %2$s?",
          "What do we owe %s regarding %s?");

  private final Random random;
  private final Set<String> given = new HashSet<>();

  public MemorySentences(long seed) {
    this.random = new Random(seed);
  }

  /** A sentence not given before by this generator. */
  public String next() {
    while (true) {
      String sentence =
          pick(WHO)
              + " "
              + pick(ACTION)
              + " "
              + pick(SUBJECT)
              + " "
              + pick(WHEN)
              + " "
              + pick(WHY)
              + ".";
      if (given.add(sentence)) {
        return sentence;
      }
    }
  }

  public List<String> next(int count) {
    return Stream.generate(this::next).limit(count).toList();
  }

  /** A question about a person and a subject, phrased unlike the memories. */
  public String question() {
    String who = pick(WHO);
    // "The marketing department" reads "the marketing department" inside a question; names stay
    String inside =
        who.matches("(The|Our|A|An) .*")
            ? Character.toLowerCase(who.charAt(0)) + who.substring(1)
            : who;
    return String.format(pick(QUESTION), inside, pick(SUBJECT));
  }

  /** A subject alone, such as a person types into a search box: "the quarterly budget review". */
  public String subject() {
    return pick(SUBJECT);
  }

  private String pick(List<String> words) {
    return words.get(random.nextInt(words.size()));
  }
}
