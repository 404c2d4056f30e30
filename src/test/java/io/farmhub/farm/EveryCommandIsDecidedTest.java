package io.farmhub.farm;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.CommandHandler;
import io.farmhub.farm.barn.BarnCommand;
import io.farmhub.farm.cow.CowCommand;
import io.farmhub.farm.field.FieldCommand;
import io.farmhub.farm.loan.LoanCommand;
import io.farmhub.farm.tractor.TractorCommand;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One decider shape: each aggregate's sealed command interface has a {@code Cases} with exactly one case per
 * command (the compiler then makes every decide handle every command), and the catalog has exactly one handler per
 * command, under the command's contract name, on the one generic handler.
 */
class EveryCommandIsDecidedTest {

    static final Map<Class<?>, Class<?>> CASES = Map.of(
            CowCommand.class, CowCommand.Cases.class,
            BarnCommand.class, BarnCommand.Cases.class,
            FieldCommand.class, FieldCommand.Cases.class,
            TractorCommand.class, TractorCommand.Cases.class,
            LoanCommand.class, LoanCommand.Cases.class);

    @Test
    void every_sealed_command_has_exactly_one_case_taking_it() {
        CASES.forEach((commands, cases) -> {
            Set<Class<?>> permitted = Set.of(commands.getPermittedSubclasses());
            assertThat(permitted).as(commands.getSimpleName()).isNotEmpty();
            List<Class<?>> taken = Arrays.stream(cases.getDeclaredMethods()).filter(m -> !m.isSynthetic())
                    .map(m -> m.getParameterTypes()[0]).collect(Collectors.toList());
            assertThat(taken).as("the cases of " + commands.getSimpleName()).containsExactlyInAnyOrderElementsOf(permitted);
        });
    }

    @Test
    void every_command_matches_its_own_case() throws Exception {
        for (Class<?> commands : CASES.keySet()) {
            for (Class<?> command : commands.getPermittedSubclasses()) {
                Method match = command.getMethod("match", CASES.get(commands));
                assertThat(match.getDeclaringClass()).as(command.getSimpleName()).isEqualTo(command);
            }
        }
    }

    @Test
    void the_catalog_has_one_handler_per_command_and_no_other() {
        Set<Class<?>> all = CASES.keySet().stream().flatMap(c -> Arrays.stream(c.getPermittedSubclasses()))
                .collect(Collectors.toSet());
        List<CommandHandler<?>> handlers = Farm.commandHandlers();
        List<Class<?>> handled = handlers.stream().<Class<?>>map(CommandHandler::commandClass).toList();
        assertThat(handled).containsExactlyInAnyOrderElementsOf(all);
        assertThat(handlers).allSatisfy(h -> {
            assertThat(h.commandType()).isEqualTo(h.commandClass().getSimpleName());
            assertThat(h).isInstanceOf(io.farmhub.core.AggregateHandler.class);
        });
    }
}
