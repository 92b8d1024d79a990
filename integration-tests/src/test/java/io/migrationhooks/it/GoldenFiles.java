package io.migrationhooks.it;

import java.io.File;
import java.nio.file.Path;

import org.approvaltests.Approvals;
import org.approvaltests.core.ApprovalFailureReporter;
import org.approvaltests.core.Options;
import org.approvaltests.namer.ApprovalNamer;

/**
 * Approval of rendered output against golden-files/SCENARIO.approved.yaml. A difference writes
 * SCENARIO.received.yaml beside it and fails; approving means moving the received file over the approved one.
 */
final class GoldenFiles {

    private GoldenFiles() {
    }

    static void verify(String scenario, String output) {
        Path folder = TestPaths.goldenFiles();
        Options options = new Options()
                .withReporter(new InstructionsReporter())
                .forFile().withNamer(new ScenarioNamer(folder, scenario))
                .forFile().withExtension(".yaml");
        Approvals.verify(output, options);
    }

    /** golden-files/SCENARIO.approved.yaml and golden-files/SCENARIO.received.yaml. */
    private record ScenarioNamer(Path folder, String scenario) implements ApprovalNamer {

        @Override
        public File getApprovedFile(String extensionWithDot) {
            return folder.resolve(scenario + ".approved" + extensionWithDot).toFile();
        }

        @Override
        public File getReceivedFile(String extensionWithDot) {
            return folder.resolve(scenario + ".received" + extensionWithDot).toFile();
        }

        @Override
        public ApprovalNamer addAdditionalInformation(String info) {
            return new ScenarioNamer(folder, scenario + "." + info);
        }

        @Override
        public String getAdditionalInformation() {
            return "";
        }

        @Override
        public String getApprovalName() {
            return scenario;
        }

        @Override
        public String getSourceFilePath() {
            return folder + File.separator;
        }
    }

    /** Says what changed and how to review and approve, instead of opening a diff tool. */
    private static final class InstructionsReporter implements ApprovalFailureReporter {

        @Override
        public boolean report(String received, String approved) {
            System.err.println("Golden file differs: " + approved + "\n"
                    + "  review:  diff -u " + approved + " " + received + "\n"
                    + "  approve: mv " + received + " " + approved + "\n"
                    + TextDiff.firstDifference(new File(approved), new File(received)));
            return true;
        }
    }
}
