package io.farmhub.farm;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.EventTypeRegistry;
import org.junit.jupiter.api.Test;

/** The catalog covers the whole board of domain.md: every command has one handler, every event a name. */
class FarmTest {

    @Test
    void every_command_of_domain_md_has_exactly_one_handler() {
        assertThat(Farm.commandHandlers()).extracting(CommandHandler::commandType).containsExactlyInAnyOrder(
                "RegisterBirth", "RecordPurchase", "RecordSale", "RecordDeath", "RelocateAnimal", "RecordAIVisit",
                "RecordTBInspection", "RecordMilking", "RegisterField", "SowCrop", "HarvestCrop", "RegisterBarn",
                "RecordBarnTemperature", "RegisterTractor", "RecordTractorService", "RecordEngineHours",
                "CollateraliseLoan", "ReleaseCollateral");
    }

    @Test
    void every_event_of_domain_md_is_registered_by_its_name() {
        EventTypeRegistry registry = Farm.registerEvents(new EventTypeRegistry());
        for (String name : new String[] {"AnimalBorn", "AnimalPurchased", "AnimalSold", "AnimalDied",
                "AnimalRelocated", "AnimalInseminated", "TBTestRecorded", "MilkRecorded", "FieldRegistered",
                "CropSown", "CropHarvested", "BarnRegistered", "BarnTemperatureRecorded",
                "BarnTemperatureAlertRaised", "BarnTemperatureAlertCleared", "AnimalHoused", "AnimalLeftBarn",
                "TractorRegistered", "TractorServiced", "EngineHoursRecorded", "CollateralPledged", "CollateralReleased"}) {
            assertThat(registry.knows(name)).as(name).isTrue();
            assertThat(registry.typeNamed(name).schemaVersion()).as(name).isEqualTo(1);
        }
    }
}
