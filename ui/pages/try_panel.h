#pragma once
// "Try it": once a product is trained, a prompt with {concept} and four images of it, to see
// right away what it has learned. Nothing here is stored in the project.
#include "ui/jobs/engine_types.h"

#include <QWidget>

#include <array>

class QLabel;
class QLineEdit;
class QPushButton;

namespace rashisa::ui {

class AppController;
class ScaledImage;

class TryPanel : public QWidget {
  Q_OBJECT

 public:
  explicit TryPanel(AppController& controller, QWidget* parent = nullptr);

  void setProduct(qint64 productId);
  QLineEdit* promptEdit() const { return prompt_; }
  QPushButton* makeButton() const { return make_; }
  ScaledImage* image(int i) const { return images_[i]; }
  static QString defaultPrompt();

 private:
  void make();
  void onFinished(const QList<TryImage>& images);
  void refresh();

  AppController& controller_;
  qint64 productId_ = 0;
  QLineEdit* prompt_;
  QPushButton* make_;
  QLabel* hint_;
  QLabel* status_;
  std::array<ScaledImage*, 4> images_{};
};

}  // namespace rashisa::ui
