package tradetalk.measure;

import java.util.List;
import tradetalk.cli.CommandSource;

/** The measuring tools' commands, {@code eval} and {@code bench}, for the CLI to find (META-INF/services). */
public final class MeasureCommands implements CommandSource {

    @Override
    public List<Class<?>> commands() {
        return List.of(EvalCommand.class, BenchCommand.class);
    }
}
