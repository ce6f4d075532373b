<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>BatchText</name>
    <message numerus="yes">
        <source>This batch would make %n image(s), more than the %1 one batch may make. Choose fewer templates or images per prompt, or make it in parts.</source>
        <translation>
            <numerusform>This batch would make %n image, more than the %1 one batch may make. Choose fewer templates or images per prompt, or make it in parts.</numerusform>
            <numerusform>This batch would make %n images, more than the %1 one batch may make. Choose fewer templates or images per prompt, or make it in parts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactSheetText</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>about %n minute</numerusform>
            <numerusform>about %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s)</source>
        <translation>
            <numerusform>about %n hour</numerusform>
            <numerusform>about %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n day(s)</source>
        <translation>
            <numerusform>about %n day</numerusform>
            <numerusform>about %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoText</name>
    <message numerus="yes">
        <source>Only %n photo(s)</source>
        <translation>
            <numerusform>Only %n photo</numerusform>
            <numerusform>Only %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photos is more than needed</source>
        <translation>
            <numerusform>%n photo is more than needed</numerusform>
            <numerusform>%n photos is more than needed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryText</name>
    <message numerus="yes">
        <source>%n approved image(s) × %1 h (the time a photo shoot takes per finished catalogue image), minus %2 h the computer spent learning and making images.</source>
        <translation>
            <numerusform>%n approved image × %1 h (the time a photo shoot takes per finished catalogue image), minus %2 h the computer spent learning and making images.</numerusform>
            <numerusform>%n approved images × %1 h (the time a photo shoot takes per finished catalogue image), minus %2 h the computer spent learning and making images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::BatchProgressPanel</name>
    <message numerus="yes">
        <source>%1 of %n image(s) made</source>
        <translation>
            <numerusform>%1 of %n image made</numerusform>
            <numerusform>%1 of %n images made</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::BatchSummaryCard</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n template</numerusform>
            <numerusform>%n templates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prompt(s)</source>
        <translation>
            <numerusform>%n prompt</numerusform>
            <numerusform>%n prompts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) per prompt</source>
        <translation>
            <numerusform>%n image per prompt</numerusform>
            <numerusform>%n images per prompt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::DeviceWizardPage</name>
    <message numerus="yes">
        <source>%n catalogue image(s)</source>
        <translation>
            <numerusform>%n catalogue image</numerusform>
            <numerusform>%n catalogue images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::ExportPage</name>
    <message numerus="yes">
        <source>All approved images (%n)</source>
        <translation>
            <numerusform>All approved images (%n)</numerusform>
            <numerusform>All approved images (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approved images of batch %1, %2 (%n)</source>
        <translation>
            <numerusform>Approved images of batch %1, %2 (%n)</numerusform>
            <numerusform>Approved images of batch %1, %2 (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approved images of batch %1 (%n)</source>
        <translation>
            <numerusform>Approved images of batch %1 (%n)</numerusform>
            <numerusform>Approved images of batch %1 (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export %n image(s)</source>
        <translation>
            <numerusform>Export %n image</numerusform>
            <numerusform>Export %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) with these names are already in the folder, for example %1. Replace them with the images of this export? The old files cannot be brought back.</source>
        <translation>
            <numerusform>%n file with this name is already in the folder: %1. Replace it with the image of this export? The old file cannot be brought back.</numerusform>
            <numerusform>%n files with these names are already in the folder, for example %1. Replace them with the images of this export? The old files cannot be brought back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) exported.</source>
        <translation>
            <numerusform>%n image exported.</numerusform>
            <numerusform>%n images exported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) with these names are already in the folder.</source>
        <translation>
            <numerusform>%n file with this name is already in the folder.</numerusform>
            <numerusform>%n files with these names are already in the folder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::GeneratePage</name>
    <message numerus="yes">
        <source>The last batch stopped after %1 of %n image(s).</source>
        <translation>
            <numerusform>The last batch stopped after %1 of %n image.</numerusform>
            <numerusform>The last batch stopped after %1 of %n images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This batch: %n image(s) so far</source>
        <translation>
            <numerusform>This batch: %n image so far</numerusform>
            <numerusform>This batch: %n images so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Made before it stopped: %n image(s)</source>
        <translation>
            <numerusform>Made before it stopped: %n image</numerusform>
            <numerusform>Made before it stopped: %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The last batch: %n image(s)</source>
        <translation>
            <numerusform>The last batch: %n image</numerusform>
            <numerusform>The last batch: %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Make %n image(s)</source>
        <translation>
            <numerusform>Make %n image</numerusform>
            <numerusform>Make %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::ImageInfoPanel</name>
    <message numerus="yes">
        <source>The same prompt and settings with %n new seed(s), as a new small batch.</source>
        <translation>
            <numerusform>The same prompt and settings with %n new seed, as a new small batch.</numerusform>
            <numerusform>The same prompt and settings with %n new seeds, as a new small batch.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::LearnPage</name>
    <message numerus="yes">
        <source>%1 · %2 · %n photo(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n photo</numerusform>
            <numerusform>%1 · %2 · %n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n template</numerusform>
            <numerusform>%n templates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) made</source>
        <translation>
            <numerusform>%n image made</numerusform>
            <numerusform>%n images made</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n to review</numerusform>
            <numerusform>%n to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n approved</source>
        <translation>
            <numerusform>%n approved</numerusform>
            <numerusform>%n approved</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::NamePatternPanel</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::PhotosPage</name>
    <message numerus="yes">
        <source>%n file(s) could not be added.</source>
        <translation>
            <numerusform>%n file could not be added.</numerusform>
            <numerusform>%n files could not be added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added.</source>
        <translation>
            <numerusform>%n photo added.</numerusform>
            <numerusform>%n photos added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) were already in the project.</source>
        <translation>
            <numerusform>%n photo was already in the project.</numerusform>
            <numerusform>%n photos were already in the project.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more (see &quot;Copy details&quot;).</source>
        <translation>
            <numerusform>…and %n more (see &quot;Copy details&quot;).</numerusform>
            <numerusform>…and %n more (see &quot;Copy details&quot;).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n file(s) that are not photos: %1</source>
        <translation>
            <numerusform>Skipped %n file that is not a photo: %1</numerusform>
            <numerusform>Skipped %n files that are not photos: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::RecentProjectsModel</name>
    <message numerus="yes">
        <source>%n product(s) trained</source>
        <translation>
            <numerusform>%n product trained</numerusform>
            <numerusform>%n products trained</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::ReviewPage</name>
    <message numerus="yes">
        <source>Making %n more like this.</source>
        <translation>
            <numerusform>Making %n more like this.</numerusform>
            <numerusform>Making %n more like this.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) shown</source>
        <translation>
            <numerusform>%n image shown</numerusform>
            <numerusform>%n images shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not reviewed</source>
        <translation>
            <numerusform>%n not reviewed</numerusform>
            <numerusform>%n not reviewed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approve %n image(s)</source>
        <translation>
            <numerusform>Approve %n image</numerusform>
            <numerusform>Approve %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n image(s)</source>
        <translation>
            <numerusform>Reject %n image</numerusform>
            <numerusform>Reject %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::StageStepper</name>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::TemplateEditor</name>
    <message numerus="yes">
        <source>This template makes %n prompt(s) per product. The first ones:</source>
        <translation>
            <numerusform>This template makes %n prompt per product. The first ones:</numerusform>
            <numerusform>This template makes %n prompts per product. The first ones:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::TemplateImportPanel</name>
    <message numerus="yes">
        <source>Nothing was imported from &quot;%1&quot;: %n problem(s) to fix in the file. Fix them all, then import it again.</source>
        <translation>
            <numerusform>Nothing was imported from &quot;%1&quot;: %n problem to fix in the file. Fix it, then import it again.</numerusform>
            <numerusform>Nothing was imported from &quot;%1&quot;: %n problems to fix in the file. Fix them all, then import it again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::TemplateListModel</name>
    <message numerus="yes">
        <source>%n prompt(s)</source>
        <translation>
            <numerusform>%n prompt</numerusform>
            <numerusform>%n prompts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::TemplateTotalLine</name>
    <message numerus="yes">
        <source>%n seed(s)</source>
        <translation>
            <numerusform>%n seed</numerusform>
            <numerusform>%n seeds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n template</numerusform>
            <numerusform>%n templates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prompt(s)</source>
        <translation>
            <numerusform>%n prompt</numerusform>
            <numerusform>%n prompts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::TemplatesPage</name>
    <message numerus="yes">
        <source>%n template(s) have changes that are not saved yet.</source>
        <translation>
            <numerusform>%n template has changes that are not saved yet.</numerusform>
            <numerusform>%n templates have changes that are not saved yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) imported.</source>
        <translation>
            <numerusform>%n template imported.</numerusform>
            <numerusform>%n templates imported.</numerusform>
        </translation>
    </message>
</context>
</TS>
