#pragma once
// What a batch is made of: the trained products and the templates to use (ticked in lists),
// how many images per prompt and the first seed, and the advanced settings that override the
// templates' own (steps, guidance, sampler, size), shown open or closed as last left.
#include "ui/jobs/catalogue_types.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QListView;
class QPushButton;
class QSpinBox;

namespace rashisa::ui {

class AppController;
class ChoiceListModel;
class Disclosure;

class GenerateSetupPanel : public QWidget {
  Q_OBJECT

 public:
  explicit GenerateSetupPanel(AppController& controller, QWidget* parent = nullptr);

  /// Takes the products and templates from the project (ticks stay with their ids).
  void refresh();
  BatchRequest request() const;
  /// The size (px) the time estimate is for: the override, else the first chosen template's.
  int estimateSize() const;

  ChoiceListModel* products() const { return products_; }
  ChoiceListModel* templates() const { return templates_; }
  QListView* productList() const { return productList_; }
  QListView* templateList() const { return templateList_; }
  QSpinBox* seedsBox() const { return seeds_; }
  QSpinBox* firstSeedBox() const { return firstSeed_; }
  QSpinBox* stepsBox() const { return steps_; }
  QDoubleSpinBox* guidanceBox() const { return guidance_; }
  QComboBox* samplerBox() const { return sampler_; }
  QComboBox* sizeBox() const { return size_; }
  Disclosure* advancedToggle() const { return advancedToggle_; }
  void setAdvancedOpen(bool open);
  bool advancedOpen() const;

 Q_SIGNALS:
  /// Something that changes the batch was changed.
  void changed();

 private:
  QWidget* buildLists();
  QWidget* buildSeeds();
  QWidget* buildAdvanced();

  AppController& controller_;
  ChoiceListModel* products_;
  ChoiceListModel* templates_;
  QListView* productList_;
  QListView* templateList_;
  QPushButton* allTemplates_;
  QPushButton* noTemplates_;
  QSpinBox* seeds_;
  QSpinBox* firstSeed_;
  Disclosure* advancedToggle_;
  QWidget* advanced_;
  QSpinBox* steps_;
  QDoubleSpinBox* guidance_;
  QComboBox* sampler_;
  QComboBox* size_;
};

}  // namespace rashisa::ui
