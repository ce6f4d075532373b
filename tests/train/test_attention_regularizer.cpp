// The regulariser against a direct evaluation of DESIGN.md section 5's formula, in
// double precision with plain loops: values, the batch sum, the unbiased variance, and
// the gradients to both the <V> column and the category column.
#include "engine/ml/train/attention_regularizer.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <vector>

namespace ml = rashisa::ml;

namespace {

struct Layer {
  torch::Tensor probs;  // [B, heads, HW, 77], requires grad
};

std::vector<Layer> random_layers(int64_t batch, torch::Tensor& positions) {
  torch::manual_seed(7);
  std::vector<Layer> layers;
  const int64_t shapes[][2] = {{2, 16}, {4, 4}, {3, 9}};  // (heads, HW) per layer
  for (const auto& s : shapes) {
    auto logits = torch::randn({batch, s[0], s[1], 77}, torch::kFloat64) * 2;
    layers.push_back({torch::softmax(logits, -1).detach().requires_grad_(true)});
  }
  positions = torch::randint(1, 70, {batch}, torch::kInt64);
  return layers;
}

// Direct formula: per layer, per sample, mean and unbiased variance over heads x pixels.
double direct(const std::vector<Layer>& layers, const torch::Tensor& pos, double lm, double lv,
              std::vector<torch::Tensor>* grads) {
  double total = 0;
  for (const auto& layer : layers) {
    auto p = layer.probs.detach();
    auto g = torch::zeros_like(p);
    const int64_t b = p.size(0), h = p.size(1), hw = p.size(2);
    const double n = static_cast<double>(h * hw);
    for (int64_t i = 0; i < b; ++i) {
      const int64_t cv = pos[i].item<int64_t>(), cc = cv + 1;
      double mv = 0, mc = 0;
      for (int64_t a = 0; a < h; ++a)
        for (int64_t q = 0; q < hw; ++q) {
          mv += p[i][a][q][cv].item<double>();
          mc += p[i][a][q][cc].item<double>();
        }
      mv /= n;
      mc /= n;
      double vv = 0, vc = 0;
      for (int64_t a = 0; a < h; ++a)
        for (int64_t q = 0; q < hw; ++q) {
          vv += std::pow(p[i][a][q][cv].item<double>() - mv, 2);
          vc += std::pow(p[i][a][q][cc].item<double>() - mc, 2);
        }
      vv /= (n - 1);
      vc /= (n - 1);
      total += lm * (mv - mc) * (mv - mc) + lv * (vv - vc) * (vv - vc);
      // d/dx_k: 2 lm (mv - mc)/n + 2 lv (vv - vc) * 2 (x_k - mv)/(n - 1), and the mirror for the category.
      for (int64_t a = 0; a < h; ++a)
        for (int64_t q = 0; q < hw; ++q) {
          const double xv = p[i][a][q][cv].item<double>(), xc = p[i][a][q][cc].item<double>();
          g[i][a][q][cv] = 2 * lm * (mv - mc) / n + 2 * lv * (vv - vc) * 2 * (xv - mv) / (n - 1);
          g[i][a][q][cc] = -2 * lm * (mv - mc) / n - 2 * lv * (vv - vc) * 2 * (xc - mc) / (n - 1);
        }
    }
    if (grads) grads->push_back(g / static_cast<double>(layers.size()));
  }
  return total / static_cast<double>(layers.size());
}

torch::Tensor engine_loss(const std::vector<Layer>& layers, const torch::Tensor& pos, double lm, double lv) {
  std::vector<torch::Tensor> cols;
  for (const auto& l : layers) cols.push_back(ml::placeholder_columns(l.probs, pos).to(torch::kFloat64));
  return ml::attention_regularizer(cols, lm, lv);
}

}  // namespace

TEST(AttentionRegularizer, MatchesDirectFormulaAndGradients) {
  torch::Tensor pos;
  auto layers = random_layers(3, pos);
  const double lm = 2.0, lv = 5.0;
  std::vector<torch::Tensor> want_grads;
  const double want = direct(layers, pos, lm, lv, &want_grads);
  auto got = engine_loss(layers, pos, lm, lv);
  EXPECT_NEAR(got.item<double>(), want, 1e-6 * std::abs(want) + 1e-9);
  got.backward();
  for (std::size_t i = 0; i < layers.size(); ++i) {
    auto g = layers[i].probs.grad().to(torch::kFloat64);
    EXPECT_TRUE(torch::allclose(g, want_grads[i], 1e-4, 1e-9)) << "layer " << i << " max diff "
                                                               << (g - want_grads[i]).abs().max().item<double>();
    // Both sides receive gradient; every other key column none.
    EXPECT_GT(g.abs().sum().item<double>(), 0.0);
  }
}

TEST(AttentionRegularizer, SumsOverTheBatchNotMean) {
  torch::Tensor pos;
  auto layers = random_layers(2, pos);
  const double both = engine_loss(layers, pos, 0.1, 0.0).item<double>();
  double separate = 0;
  for (int64_t b = 0; b < 2; ++b) {
    std::vector<Layer> one;
    for (const auto& l : layers) one.push_back({l.probs.narrow(0, b, 1)});
    separate += engine_loss(one, pos.narrow(0, b, 1), 0.1, 0.0).item<double>();
  }
  EXPECT_NEAR(both, separate, 1e-12 + 1e-9 * std::abs(both));
}

TEST(AttentionRegularizer, UsesUnbiasedVariance) {
  // One layer, one head, two pixels: <V> column {0, 1}, category column {0.5, 0.5}.
  auto probs = torch::zeros({1, 1, 2, 77}, torch::kFloat64);
  probs[0][0][0][10] = 0.0;
  probs[0][0][1][10] = 1.0;
  probs[0][0][0][11] = 0.5;
  probs[0][0][1][11] = 0.5;
  auto pos = torch::tensor({int64_t{10}});
  // Means are equal; unbiased variance of {0, 1} is 0.5 (biased would be 0.25).
  auto l = ml::attention_regularizer({ml::placeholder_columns(probs, pos)}, 1.0, 1.0);
  EXPECT_NEAR(l.item<double>(), 0.25, 1e-7);
}

TEST(AttentionRegularizer, ColumnsAreThePlaceholderAndTheNextToken) {
  auto probs = torch::arange(2 * 1 * 3 * 77, torch::kFloat32).view({2, 1, 3, 77});
  auto pos = torch::tensor({int64_t{4}, int64_t{20}});
  auto cols = ml::placeholder_columns(probs, pos);
  ASSERT_EQ(cols.sizes(), (std::vector<int64_t>{2, 1, 3, 2}));
  EXPECT_EQ(cols[0][0][1][0].item<float>(), probs[0][0][1][4].item<float>());
  EXPECT_EQ(cols[0][0][1][1].item<float>(), probs[0][0][1][5].item<float>());
  EXPECT_EQ(cols[1][0][2][0].item<float>(), probs[1][0][2][20].item<float>());
  EXPECT_EQ(cols[1][0][2][1].item<float>(), probs[1][0][2][21].item<float>());
}
