package io.protohive.kernel.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.kernel.database.DatabaseMigrations;
import io.protohive.kernel.database.Databases;
import io.protohive.kernel.llm.LocalEmbeddingModel;
import io.protohive.kernel.memory.VectorArrays;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Knowledge search on an operator's PostgreSQL with pgvector and the real embedding model: words
 * and meaning each find what the other misses, only what the scope may read is ever ranked, and the
 * HNSW index ranks as the exact search in process does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeSearchIT {

  /** A product code in one chunk; look-alike codes stand in others. */
  private static final String PRODUCT_CODE = "ZX-4471-Q";

  /** A word every file's chunks hold, so that a search by words alone reaches every file. */
  private static final String SHARED_WORD = "quarterly";

  private final DataSource owner = Databases.externalOwner();

  private LocalEmbeddingModel model;
  private UUID tenant;
  private UUID organization;
  private UUID agent;
  private UUID otherAgent;
  private UUID alice;
  private UUID bob;
  private UUID carol;

  private UUID pumpManual;
  private UUID valveGuide;
  private UUID handbook;
  private UUID priceList;
  private UUID mergerPlan;
  private UUID salaryBands;
  private UUID agentBrief;
  private UUID otherAgentBrief;

  private UUID manualsBase;
  private UUID handbookBase;

  @BeforeAll
  void filesOfTwoOrganizations(@TempDir Path nativeCache) throws Exception {
    Databases.execute(owner, "drop schema if exists public cascade; create schema public");
    DatabaseMigrations.migrate(owner, "external", "protohive_it_app");
    model = new LocalEmbeddingModel(nativeCache);
    tenant = UUID.randomUUID();
    organization = UUID.randomUUID();
    UUID otherOrganization = UUID.randomUUID();
    agent = UUID.randomUUID();
    otherAgent = UUID.randomUUID();
    alice = UUID.randomUUID();
    bob = UUID.randomUUID();
    carol = UUID.randomUUID();
    try (Connection connection = owner.getConnection()) {
      sql(
          connection,
          "insert into tenant (id, slug, name, created_at, updated_at)"
              + " values (?, 'knowledge', 'Knowledge', now(), now())",
          tenant);
      organization(connection, organization);
      organization(connection, otherOrganization);
      agent(connection, agent, organization);
      agent(connection, otherAgent, organization);
      for (UUID account : List.of(alice, bob, carol)) {
        sql(
            connection,
            "insert into user_account (id, tenant_id, email, display_name, password_hash,"
                + " created_at) values (?, ?, ?, 'Someone', 'x', now())",
            account,
            tenant,
            account + "@example.com");
      }

      UUID manuals = folder(connection, "Manuals", null);
      UUID pumps = folder(connection, "Pumps", manuals);
      UUID people = folder(connection, "People", null);

      pumpManual = file(connection, organization, pumps, "pump-manual.pdf", "ORGANIZATION", null);
      chunks(
          connection,
          pumpManual,
          1,
          "Order the replacement seal kit " + PRODUCT_CODE + " when a pump housing leaks.",
          "Check the oil level of the pump every month and top it up when it runs low.",
          "A pump that rattles has air in its intake; bleed the line before restarting it.",
          "The " + SHARED_WORD + " service visit covers filters and belts.");
      valveGuide = file(connection, organization, manuals, "valve-guide.pdf", "ORGANIZATION", null);
      chunks(
          connection,
          valveGuide,
          1,
          "Close the valve slowly to avoid water hammer in the pipes.",
          "Part ZX-4471-P is discontinued.",
          "Part ZX-4417-Q ships from Lyon.",
          "Valves are inspected in the " + SHARED_WORD + " walk-through.");
      handbook =
          file(connection, organization, people, "employee-handbook.pdf", "ORGANIZATION", null);
      chunks(
          connection,
          handbook,
          1,
          "Employees may transfer at most five unused vacation days into the next calendar year.",
          "Expense reports are due by the fifth working day of each month.",
          "The office opens at eight and the front desk closes at six.",
          "Team leads send a " + SHARED_WORD + " headcount report.");
      priceList = file(connection, organization, null, "price-list.pdf", "ORGANIZATION", null);
      version(connection, priceList, 2);
      chunks(connection, priceList, 1, "The obsolete tariff lists a " + SHARED_WORD + " rebate.");
      chunks(connection, priceList, 2, "The current tariff lists a " + SHARED_WORD + " discount.");

      mergerPlan = file(connection, organization, manuals, "merger-plan.docx", "NAMED", alice);
      chunks(connection, mergerPlan, 1, "The " + SHARED_WORD + " merger timeline is secret.");
      salaryBands = file(connection, organization, people, "salary-bands.xlsx", "NAMED", alice);
      chunks(
          connection,
          salaryBands,
          1,
          "Salary bands are reviewed in the " + SHARED_WORD + " cycle.");
      share(connection, salaryBands, bob, null);
      agentBrief = file(connection, organization, null, "agent-brief.md", "NAMED", alice);
      chunks(
          connection, agentBrief, 1, "The agent answers " + SHARED_WORD + " customer questions.");
      share(connection, agentBrief, null, agent);
      otherAgentBrief = file(connection, organization, null, "other-brief.md", "NAMED", alice);
      chunks(connection, otherAgentBrief, 1, "The other agent drafts " + SHARED_WORD + " letters.");
      share(connection, otherAgentBrief, null, otherAgent);

      UUID retiredPolicy =
          file(connection, organization, manuals, "old-policy.pdf", "ORGANIZATION", null);
      chunks(connection, retiredPolicy, 1, "The retired " + SHARED_WORD + " travel policy.");
      sql(connection, "update stored_file set deleted_at = now() where id = ?", retiredPolicy);
      UUID draft = file(connection, organization, manuals, "draft.pdf", "ORGANIZATION", null);
      chunks(connection, draft, 1, "A draft of the " + SHARED_WORD + " pump price sheet.");
      sql(connection, "update stored_file set status = 'PROCESSING' where id = ?", draft);
      UUID competitor =
          file(connection, otherOrganization, null, "competitor.pdf", "ORGANIZATION", null);
      chunks(
          connection,
          competitor,
          1,
          "Their seal kit " + PRODUCT_CODE + " costs less in the " + SHARED_WORD + " sale.");

      manualsBase = knowledgeBase(connection, "Manuals");
      sql(
          connection,
          "insert into knowledge_base_source (id, knowledge_base_id, tenant_id, folder_id)"
              + " values (gen_random_uuid(), ?, ?, ?)",
          manualsBase,
          tenant,
          manuals);
      handbookBase = knowledgeBase(connection, "Handbook");
      sql(
          connection,
          "insert into knowledge_base_source (id, knowledge_base_id, tenant_id, file_id)"
              + " values (gen_random_uuid(), ?, ?, ?)",
          handbookBase,
          tenant,
          handbook);
    }
  }

  @Test
  void theMigrationAddsTheVectorColumnAndSoPgvectorServes() throws Exception {
    try (Connection connection = owner.getConnection()) {
      assertThat(VectorRetriever.offeredBy(connection)).isInstanceOf(PgvectorRetriever.class);
    }
  }

  @Test
  void aProductCodeOnlyWordsMatchRanksItsFileFirst() throws Exception {
    try (Connection connection = owner.getConnection()) {
      for (KnowledgeSearch search : searches(connection)) {
        List<KnowledgeHit> byMeaning =
            search.search(connection, bobsScope(), "", embed(PRODUCT_CODE), 5);
        List<KnowledgeHit> hits = search(connection, search, bobsScope(), PRODUCT_CODE, 5);

        // the embedding blurs the code into its look-alikes; the words tell them apart
        assertThat(byMeaning.get(0).fileId()).isNotEqualTo(pumpManual);

        assertThat(hits.get(0).fileId()).isEqualTo(pumpManual);
        assertThat(hits.get(0).text()).contains(PRODUCT_CODE);
        assertThat(hits.get(0).fileName()).isEqualTo("pump-manual.pdf");
        assertThat(hits.get(0).page()).isEqualTo(1);
        assertThat(hits.get(0).heading()).isEqualTo("Section 1");
      }
    }
  }

  @Test
  void aParaphraseWithNoWordOfTheChunkFindsItByMeaning() throws Exception {
    String paraphrase = "How much holiday can staff roll over?";
    try (Connection connection = owner.getConnection()) {
      assertThat(sharedWords(connection, paraphrase, "vacation days")).isZero();
      for (KnowledgeSearch search : searches(connection)) {
        List<KnowledgeHit> hits = search(connection, search, bobsScope(), paraphrase, 5);

        assertThat(hits.get(0).fileId()).isEqualTo(handbook);
        assertThat(hits.get(0).text()).contains("vacation days");
      }
    }
  }

  @Test
  void aMemberReadsTheOrganizationsFilesAndThoseSharedWithHim() throws Exception {
    assertReads(bobsScope(), pumpManual, valveGuide, handbook, priceList, salaryBands);
  }

  @Test
  void theOwnerAndTheAdminsReadNamedFilesSharedWithNoOneElse() throws Exception {
    UUID[] all = {
      pumpManual,
      valveGuide,
      handbook,
      priceList,
      mergerPlan,
      salaryBands,
      agentBrief,
      otherAgentBrief
    };
    assertReads(SearchScope.person(organization, alice, false), all);
    assertReads(SearchScope.person(organization, carol, true), all);
  }

  @Test
  void anAgentReadsTheOrganizationsFilesAndThoseSharedWithIt() throws Exception {
    assertReads(agentsScope(Set.of()), pumpManual, valveGuide, handbook, priceList, agentBrief);
  }

  @Test
  void onlyTheCurrentVersionsChunksAreSearched() throws Exception {
    try (Connection connection = owner.getConnection()) {
      for (KnowledgeSearch search : searches(connection)) {
        List<KnowledgeHit> hits = search(connection, search, bobsScope(), "tariff", 50);

        assertThat(hits).extracting(KnowledgeHit::text).noneMatch(text -> text.contains("rebate"));
        assertThat(hits).extracting(KnowledgeHit::text).anyMatch(text -> text.contains("discount"));
      }
    }
  }

  @Test
  void aKnowledgeBaseNarrowsToItsFilesAndItsFoldersWithTheirSubfolders() throws Exception {
    assertReads(agentsScope(Set.of(manualsBase)), pumpManual, valveGuide);
    assertReads(agentsScope(Set.of(handbookBase)), handbook);
    assertReads(agentsScope(Set.of(manualsBase, handbookBase)), pumpManual, valveGuide, handbook);
    assertReads(
        SearchScope.person(organization, alice, false).within(Set.of(manualsBase)),
        pumpManual,
        valveGuide,
        mergerPlan);
  }

  @Test
  void theHnswIndexRanksAsTheExactSearchDoes() throws Exception {
    try (Connection connection = owner.getConnection()) {
      // so few rows would be read sequentially; make the planner walk the HNSW graph, as it does
      // on an organization with many files
      connection.setAutoCommit(false);
      try (var statement = connection.createStatement()) {
        statement.execute("drop index file_chunk_file; set local enable_seqscan = off");
      }
      assertThat(plan(connection)).contains("file_chunk_embedding");
      for (String query :
          List.of(
              "How often should the pump oil be checked?",
              "When are expenses due?",
              "What makes a pump rattle?",
              "When does the office open?",
              "How do I close a valve?")) {
        float[] vector = embed(query);
        List<UUID> exact = new ExactVectorRetriever().nearest(connection, bobsScope(), vector, 5);
        List<UUID> approximate =
            new PgvectorRetriever().nearest(connection, bobsScope(), vector, 5);

        assertThat(approximate).as(query).hasSize(5).containsExactlyInAnyOrderElementsOf(exact);
        assertThat(approximate.get(0)).as(query).isEqualTo(exact.get(0));
        assertThat(
                new KnowledgeSearch(new PgvectorRetriever(), Reranker.IDENTITY)
                    .search(connection, bobsScope(), query, vector, 3))
            .as(query)
            .isEqualTo(
                new KnowledgeSearch(new ExactVectorRetriever(), Reranker.IDENTITY)
                    .search(connection, bobsScope(), query, vector, 3));
      }
      connection.rollback();
    }
  }

  @Test
  void theRerankerReordersTheCandidatesItAskedFor() throws Exception {
    Reranker reversing =
        new Reranker() {
          @Override
          public List<KnowledgeHit> rerank(String query, List<KnowledgeHit> hits) {
            List<KnowledgeHit> reversed = new ArrayList<>(hits);
            Collections.reverse(reversed);
            return reversed;
          }

          @Override
          public int candidates(int limit) {
            return 5;
          }
        };
    String query = "pump oil";
    try (Connection connection = owner.getConnection()) {
      KnowledgeSearch plain = KnowledgeSearch.offeredBy(connection);
      List<KnowledgeHit> fused = search(connection, plain, bobsScope(), query, 5);
      List<KnowledgeHit> reranked =
          search(connection, plain.rerankedBy(reversing), bobsScope(), query, 2);

      assertThat(reranked).containsExactly(fused.get(4), fused.get(3));
    }
  }

  /** Every chunk of the expected files and none other, by words and by meaning alike. */
  private void assertReads(SearchScope scope, UUID... expected) throws Exception {
    try (Connection connection = owner.getConnection()) {
      for (KnowledgeSearch search : searches(connection)) {
        // fewer chunks than a retriever ranks: the vectors rank every chunk the scope may read
        List<KnowledgeHit> byMeaning =
            search.search(connection, scope, "", embed("documents"), 100);
        List<KnowledgeHit> byWords = search.search(connection, scope, SHARED_WORD, null, 100);

        assertThat(byMeaning).extracting(KnowledgeHit::fileId).containsOnly(expected);
        assertThat(byWords).extracting(KnowledgeHit::fileId).containsOnly(expected);
        assertThat(byWords).extracting(KnowledgeHit::fileId).doesNotHaveDuplicates();
      }
    }
  }

  private List<KnowledgeHit> search(
      Connection connection, KnowledgeSearch search, SearchScope scope, String query, int limit)
      throws SQLException {
    return search.search(connection, scope, query, embed(query), limit);
  }

  /** The search the database offers and the exact one, which must agree. */
  private static List<KnowledgeSearch> searches(Connection connection) throws SQLException {
    return List.of(
        KnowledgeSearch.offeredBy(connection),
        new KnowledgeSearch(new ExactVectorRetriever(), Reranker.IDENTITY));
  }

  /** How many of the query's words the chunk holding the given text has, in any order. */
  private static int sharedWords(Connection connection, String query, String chunkText)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "select count(*) from file_chunk c,"
                + " unnest(tsvector_to_array(to_tsvector('simple', ?))) word"
                + " where c.content like '%' || ? || '%'"
                + " and c.content_search @@ to_tsquery('simple', word)")) {
      statement.setString(1, query);
      statement.setString(2, chunkText);
      try (var result = statement.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }

  private SearchScope bobsScope() {
    return SearchScope.person(organization, bob, false);
  }

  private SearchScope agentsScope(Set<UUID> knowledgeBases) {
    return SearchScope.agent(organization, agent, knowledgeBases);
  }

  private float[] embed(String text) {
    return model.embed(List.of(text)).get(0).vector();
  }

  private String plan(Connection connection) throws SQLException {
    try (var explain = connection.prepareStatement("explain " + PgvectorRetriever.NEAREST)) {
      int next = ScopedChunks.bind(explain, connection, bobsScope());
      explain.setArray(next, VectorArrays.toSql(connection, new float[384]));
      explain.setInt(next + 1, 5);
      StringBuilder plan = new StringBuilder();
      try (var result = explain.executeQuery()) {
        while (result.next()) {
          plan.append(result.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }

  private void organization(Connection connection, UUID id) throws SQLException {
    sql(
        connection,
        "insert into organization (id, tenant_id, name, created_at, updated_at)"
            + " values (?, ?, 'Org', now(), now())",
        id,
        tenant);
  }

  private void agent(Connection connection, UUID id, UUID organizationId) throws SQLException {
    sql(
        connection,
        "insert into agent (id, tenant_id, organization_id, name, role, persona, max_steps,"
            + " tools, color, created_at, updated_at)"
            + " values (?, ?, ?, 'Ada', 'Lead', '', 4, '[]', '#336699', now(), now())",
        id,
        tenant,
        organizationId);
  }

  private UUID folder(Connection connection, String name, UUID parent) throws SQLException {
    UUID id = UUID.randomUUID();
    sql(
        connection,
        "insert into file_folder (id, tenant_id, organization_id, parent_id, name, created_at)"
            + " values (?, ?, ?, ?, ?, now())",
        id,
        tenant,
        organization,
        parent,
        name);
    return id;
  }

  private UUID file(
      Connection connection,
      UUID organizationId,
      UUID folder,
      String name,
      String visibility,
      UUID ownerId)
      throws SQLException {
    UUID id = UUID.randomUUID();
    sql(
        connection,
        "insert into stored_file (id, tenant_id, organization_id, folder_id, name, content_type,"
            + " size_bytes, version, status, visibility, owner_id, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, 'application/pdf', 1000, 1, 'READY', ?, ?, now(), now())",
        id,
        tenant,
        organizationId,
        folder,
        name,
        visibility,
        ownerId);
    return id;
  }

  private void version(Connection connection, UUID file, int version) throws SQLException {
    sql(connection, "update stored_file set version = ? where id = ?", version, file);
  }

  private void chunks(Connection connection, UUID file, int version, String... texts)
      throws SQLException {
    var vectors = model.embed(List.of(texts));
    try (var insert =
        connection.prepareStatement(
            "insert into file_chunk (id, tenant_id, organization_id, file_id, version, ordinal,"
                + " page, heading, content, embedding)"
                + " select gen_random_uuid(), f.tenant_id, f.organization_id, f.id, ?, ?, ?, ?,"
                + " ?, ? from stored_file f where f.id = ?")) {
      for (int i = 0; i < texts.length; i++) {
        insert.setInt(1, version);
        insert.setInt(2, i);
        insert.setInt(3, i + 1);
        insert.setString(4, "Section " + (i + 1));
        insert.setString(5, texts[i]);
        insert.setArray(6, VectorArrays.toSql(connection, vectors.get(i).vector()));
        insert.setObject(7, file);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private void share(Connection connection, UUID file, UUID account, UUID agentId)
      throws SQLException {
    sql(
        connection,
        "insert into file_share (id, file_id, tenant_id, account_id, agent_id, created_at)"
            + " values (gen_random_uuid(), ?, ?, ?, ?, now())",
        file,
        tenant,
        account,
        agentId);
  }

  private UUID knowledgeBase(Connection connection, String name) throws SQLException {
    UUID id = UUID.randomUUID();
    sql(
        connection,
        "insert into knowledge_base (id, tenant_id, organization_id, name, created_at)"
            + " values (?, ?, ?, ?, now())",
        id,
        tenant,
        organization,
        name);
    return id;
  }

  private static void sql(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] == null) {
          statement.setNull(i + 1, Types.OTHER);
        } else {
          statement.setObject(i + 1, parameters[i]);
        }
      }
      statement.executeUpdate();
    }
  }
}
