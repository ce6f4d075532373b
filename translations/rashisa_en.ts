<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
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
            <numerusform>Skipped %n file that are not photos: %1</numerusform>
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
    <name>rashisa::ui::StageStepper</name>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
</context>
</TS>
