package tradetalk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of the module layout, checked on the product's classes (tests excluded): Discord stays in the bot and
 * the bot holds no store, a store's internals stay in its module, no production class uses the measuring tools and
 * the measuring tools read no CLI configuration record, dependencies point one way toward retrieval, and no two
 * packages need each other.
 */
class ArchitectureTest {

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // other modules' test-jars
                .importPackages("tradetalk");
    }

    @Test
    void discord_types_are_used_only_in_the_bot_module() {
        noClasses()
                .that()
                .resideOutsideOfPackage("tradetalk.bot..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("net.dv8tion..")
                .check(product);
    }

    @Test
    void no_production_class_uses_the_measuring_tools() {
        noClasses()
                .that()
                .resideOutsideOfPackage("tradetalk.measure..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("tradetalk.measure..")
                .check(product);
    }

    @Test
    void the_discord_module_holds_no_store_and_no_store_client() {
        noClasses()
                .that()
                .resideInAPackage("tradetalk.bot..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("tradetalk.store..", "org.opensearch..", "org.apache.lucene..")
                .check(product);
    }

    @Test
    void the_measuring_tools_take_no_cli_configuration_record() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "tradetalk.measure.bench..", "tradetalk.measure.eval..", "tradetalk.measure.metrics..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("tradetalk.cli.config..")
                .check(product);
    }

    @Test
    void a_stores_internals_are_used_only_inside_its_module() {
        internalsStayIn("tradetalk.store.lucene..", Set.of("ArticleIndex", "IndexCheck", "DamagedIndexException"));
        internalsStayIn(
                "tradetalk.store.opensearch..",
                Set.of(
                        "OpenSearchArticleStore",
                        "OpenSearchSettings",
                        "OpenSearchClients",
                        "OpenSearchStoreException"));
    }

    /** Outside {@code store}, only the named classes of that store (its face: open, settings, errors) may be used. */
    private static void internalsStayIn(String store, Set<String> face) {
        DescribedPredicate<JavaClass> internal = resideInAPackage(store)
                .and(not(DescribedPredicate.describe(
                        "the store's face " + face,
                        (JavaClass c) -> face.contains(outermost(c).getSimpleName()))));
        noClasses()
                .that()
                .resideOutsideOfPackage(store)
                .should()
                .dependOnClassesThat(internal)
                .check(product);
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass k = c;
        while (k.getEnclosingClass().isPresent()) {
            k = k.getEnclosingClass().get();
        }
        return k;
    }

    @Test
    void dependencies_point_one_way_toward_retrieval() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Core")
                .definedBy("tradetalk.retrieval..")
                .layer("Stores")
                .definedBy("tradetalk.store..")
                .layer("Ingest")
                .definedBy("tradetalk.ingest..")
                .layer("Answer")
                .definedBy("tradetalk.answer..")
                .layer("Bot")
                .definedBy("tradetalk.bot..")
                .layer("Cli")
                .definedBy("tradetalk.cli..")
                .layer("Measure")
                .definedBy("tradetalk.measure..")
                .whereLayer("Measure")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli")
                .mayOnlyBeAccessedByLayers("Measure")
                .whereLayer("Bot")
                .mayOnlyBeAccessedByLayers("Cli", "Measure")
                .whereLayer("Answer")
                .mayOnlyBeAccessedByLayers("Bot", "Cli", "Measure")
                .whereLayer("Ingest")
                .mayOnlyBeAccessedByLayers("Cli", "Measure")
                .whereLayer("Stores")
                .mayOnlyBeAccessedByLayers("Cli", "Measure")
                .check(product);
    }

    @Test
    void no_package_cycles() {
        slices().matching("tradetalk.(**)").should().beFreeOfCycles().check(product);
    }

    @Test
    void no_module_cycles() {
        slices().matching("tradetalk.(*)..").should().beFreeOfCycles().check(product);
    }
}
